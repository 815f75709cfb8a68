namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// Training stopped because the loss (or the gradient norm) became NaN or infinite. Nothing was written after the bad
/// step: <see cref="LastCheckpointPath"/>, when set, is the last good checkpoint to resume from (with a lower learning
/// rate, say).
/// </summary>
public sealed class TrainingDivergedException(string quantity, double value, int epoch, long step, int batch, string? lastCheckpointPath, long? lastCheckpointStep)
    : Exception(FormatMessage(quantity, value, epoch, step, batch, lastCheckpointPath, lastCheckpointStep))
{
    /// <summary>"loss" or "gradient norm".</summary>
    public string Quantity { get; } = quantity;
    public double Value { get; } = value;
    /// <summary>1-based epoch, as in the logs.</summary>
    public int Epoch { get; } = epoch;
    /// <summary>The global step (1-based) whose loss was not finite; it was not applied.</summary>
    public long Step { get; } = step;
    public string? LastCheckpointPath { get; } = lastCheckpointPath;
    public long? LastCheckpointStep { get; } = lastCheckpointStep;

    private static string FormatMessage(string quantity, double value, int epoch, long step, int batch, string? path, long? pathStep)
    {
        var kept = path is null ? "no checkpoint was written (checkpointing is off or no step had completed)"
            : $"the last good checkpoint is {path} (after step {pathStep})";
        return $"training stopped: {quantity} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} at epoch {epoch}, step {step} (batch {batch + 1} of the epoch); the step was not applied and {kept}.";
    }
}
