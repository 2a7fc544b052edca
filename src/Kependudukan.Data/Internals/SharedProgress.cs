namespace Kependudukan.Data.Internals;

/// <summary>Adds up the rows of every thread of a load and reports progress each time another 65,536 rows are read.</summary>
/// <remarks>Threads add their rows in steps of <see cref="LoadSession.CancellationInterval"/>; a single-threaded load therefore
/// reports at exact multiples of <see cref="LoadSession.ProgressInterval"/>. Reports are made under a lock, so they arrive in
/// order and every report has <c>RowsRead == RowsAccepted + RowsRejected</c>.</remarks>
internal sealed class SharedProgress(IProgress<LoadProgress> progress)
{
    private readonly Lock _lock = new();
    private long _read;
    private long _accepted;
    private long _rejected;
    private long _nextReport = LoadSession.ProgressInterval;

    internal void Add(long read, long accepted, long rejected)
    {
        lock (_lock)
        {
            _read += read;
            _accepted += accepted;
            _rejected += rejected;
            if (_read >= _nextReport)
            {
                _nextReport = ((_read / LoadSession.ProgressInterval) + 1) * LoadSession.ProgressInterval;
                progress.Report(new LoadProgress(_read, _accepted, _rejected));
            }
        }
    }
}
