namespace QCircuitDsl.Runtime.Reporting;

/// <summary>Counts but shows nothing; for tests and library callers that want silence.</summary>
public sealed class NullProgressReporter : IProgressReporter
{
    public static NullProgressReporter Instance { get; } = new();

    public IProgressTracker Start(string description, long total, string unit = "it") => new Tracker(description, total);

    public void WriteLine(string message) { }

    public void Dispose() { }

    private sealed class Tracker(string description, long total) : IProgressTracker
    {
        private long _completed;
        public string Description => description;
        public long Total => total;
        public long Completed => Interlocked.Read(ref _completed);
        public void Advance(long amount = 1) => Interlocked.Add(ref _completed, amount);
        public void SetStatus(string? status) { }
        public void Complete() { }
        public void Dispose() { }
    }
}
