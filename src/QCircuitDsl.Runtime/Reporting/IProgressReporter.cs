namespace QCircuitDsl.Runtime.Reporting;

/// <summary>
/// Where long-running loops (epochs, batches, dataset loading) report progress. Training code talks only to this
/// interface so the same loop renders a live bar in a terminal and calm, greppable lines in CI logs.
/// Implementations: <see cref="SpectreProgressReporter"/>, <see cref="PlainTextProgressReporter"/>,
/// <see cref="NullProgressReporter"/>; <see cref="ProgressReporterFactory.Create"/> picks one for the environment.
/// </summary>
public interface IProgressReporter : IDisposable
{
    /// <summary>Starts tracking a unit of work of <paramref name="total"/> items (≤ 0 if unknown).</summary>
    /// <param name="unit">Item name for throughput, e.g. "batch", "img", "tok".</param>
    IProgressTracker Start(string description, long total, string unit = "it");

    /// <summary>Writes a message without corrupting a live display.</summary>
    void WriteLine(string message);
}

/// <summary>One tracked unit of work. Disposing it completes it.</summary>
public interface IProgressTracker : IDisposable
{
    string Description { get; }
    long Total { get; }
    long Completed { get; }

    void Advance(long amount = 1);

    /// <summary>A short free-text status shown next to the bar, e.g. "loss 0.213".</summary>
    void SetStatus(string? status);

    /// <summary>Marks the work finished (idempotent).</summary>
    void Complete();
}
