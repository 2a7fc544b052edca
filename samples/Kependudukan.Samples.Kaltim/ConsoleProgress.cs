using System.Globalization;

namespace Kependudukan.Samples.Kaltim;

/// <summary>Prints one progress line that updates in place (or a line per quarter when the output is redirected).</summary>
internal sealed class ConsoleProgress(string label) : IProgress<long>
{
    private static readonly CultureInfo s_id = CultureInfo.GetCultureInfo("id-ID");
    private readonly object _gate = new();
    private long _lastPrinted = -1;

    public void Report(long value)
    {
        lock (_gate)
        {
            var step = Console.IsOutputRedirected ? 1_000_000 : 100_000;
            if (value / step == _lastPrinted / step)
            {
                return;
            }

            _lastPrinted = value;
            var text = $"{label}: {value.ToString("N0", s_id)}";
            if (Console.IsOutputRedirected)
            {
                Console.WriteLine(text);
            }
            else
            {
                Console.Write("\r" + text);
            }
        }
    }

    public void Finish(long total)
    {
        lock (_gate)
        {
            var text = $"{label}: {total.ToString("N0", s_id)}, done.";
            Console.WriteLine(Console.IsOutputRedirected ? text : "\r" + text);
        }
    }
}
