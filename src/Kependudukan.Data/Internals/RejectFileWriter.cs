using System.Globalization;

namespace Kependudukan.Data.Internals;

/// <summary>Writes the reject file: a CSV with one line per problem of a rejected row, never a value of the row.</summary>
internal sealed class RejectFileWriter(TextWriter writer)
{
    internal const string Header = "line,column,kind,problem,masked_nik";

    private bool _started;

    internal void Write(in LoadIssue issue)
    {
        if (!_started)
        {
            writer.Write(Header);
            writer.Write('\n');
            _started = true;
        }

        writer.Write(issue.Line.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        CsvText.WriteField(writer, issue.Column);
        writer.Write(',');
        writer.Write(issue.Kind.ToString());
        writer.Write(',');
        CsvText.WriteField(writer, issue.Problem);
        writer.Write(',');
        writer.Write(issue.MaskedNik);
        writer.Write('\n');
    }

    internal void Complete()
    {
        if (!_started)
        {
            writer.Write(Header);
            writer.Write('\n');
            _started = true;
        }

        writer.Flush();
    }
}
