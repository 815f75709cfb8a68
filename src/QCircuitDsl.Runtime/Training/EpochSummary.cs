namespace QCircuitDsl.Runtime.Training;

/// <summary>Metrics of one data pass. Accuracy and perplexity are null unless requested in the options.</summary>
public sealed record EvaluationResult(double Loss, double? Accuracy, double? Perplexity, long Count)
{
    /// <summary>Task metrics that are not sums over batches (BLEU of decoded translations), by name without prefix; see <see cref="TrainerOptions.TestMetrics"/>.</summary>
    public IReadOnlyDictionary<string, double> Extra { get; init; } = new Dictionary<string, double>();
}

/// <summary>One finished epoch (1-based <see cref="Epoch"/>, as in the logs).</summary>
public sealed record EpochSummary(int Epoch, long Step, EvaluationResult Train, EvaluationResult? Test);

/// <summary>How <see cref="Trainer{TBatch}.Fit"/> ended.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochSummary> Epochs, Checkpoints.TrainingPosition Position, bool StoppedAtMaxSteps);
