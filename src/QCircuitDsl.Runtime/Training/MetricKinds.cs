namespace QCircuitDsl.Runtime.Training;

/// <summary>Which metrics besides the loss a run reports.</summary>
[Flags]
public enum MetricKinds
{
    None = 0,
    /// <summary>Σ correct / Σ predictions from <see cref="BatchResult"/>.</summary>
    Accuracy = 1,
    /// <summary>exp(mean token NLL): the loss must be the mean NLL over <see cref="BatchResult.Count"/> tokens.</summary>
    Perplexity = 2,
}
