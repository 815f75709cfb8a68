using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// The trainer every QRNN task run uses: the paper's Adam (lr, eps 1e-10, weight decay 1e-4 by default), clipping,
/// metrics in OUT/metrics.jsonl and checkpoints in OUT/last.safetensors, the dropout generator checkpointed by name.
/// </summary>
internal static class RunTrainer
{
    public static Trainer<TBatch> Create<TBatch>(Module model, TaskSettings settings, Func<TBatch, BatchResult> loss, MetricKinds metrics,
        string? outputDirectory, Generator dropout, IProgressReporter? reporter, bool recordTiming = true, Func<IReadOnlyDictionary<string, double>>? testMetrics = null)
    {
        var optimizer = new Adam(model.Parameters(), lr: settings.LearningRate, eps: settings.Epsilon, weightDecay: settings.WeightDecay);
        return new Trainer<TBatch>(model, optimizer, loss, new TrainerOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            GradientClipNorm = settings.GradientClipNorm,
            Metrics = metrics,
            TestMetrics = testMetrics,
            MetricsPath = outputDirectory is null ? null : Path.Combine(outputDirectory, "metrics.jsonl"),
            CheckpointDirectory = outputDirectory,
            Generators = new Dictionary<string, Generator> { [Seeding.Dropout] = dropout },
            Reporter = reporter,
            RecordTiming = recordTiming,
        });
    }

    /// <summary>Resumes when asked, then trains.</summary>
    public static TrainingResult Run<TBatch>(Trainer<TBatch> trainer, IDataLoader<TBatch> train, IDataLoader<TBatch> test, string? resumeFrom)
    {
        if (resumeFrom != null)
        {
            trainer.Resume(resumeFrom);
        }

        return trainer.Fit(train, test);
    }

    /// <summary>Loads a checkpoint and evaluates the test split, plus the whole-set metrics when there are any.</summary>
    public static EvaluationResult Evaluate<TBatch>(Trainer<TBatch> trainer, IDataLoader<TBatch> test, string checkpointPath, Func<IReadOnlyDictionary<string, double>>? testMetrics = null)
    {
        trainer.Resume(checkpointPath);
        var result = trainer.Evaluate(test, NullProgressReporter.Instance);
        return testMetrics is null ? result : result with { Extra = trainer.EvaluateExtra(testMetrics) };
    }

    /// <summary>The recurrent kind of a baseline model name.</summary>
    public static Sequence.RecurrentKind BaselineKind(string model) => model switch
    {
        "lstm" => Sequence.RecurrentKind.Lstm,
        "rnn" => Sequence.RecurrentKind.Rnn,
        "gru" => Sequence.RecurrentKind.Gru,
        _ => throw new ArgumentException($"unknown model '{model}'; expected qrnn, lstm, rnn or gru."),
    };

    public static string QrnnDescription(TaskSettings s) =>
        $"QRNN, sim14 on {s.Qubits} qubits, controller {s.Activation} with {s.Hidden} hidden units";

    public static string BaselineDescription(TaskSettings s, int hidden) =>
        $"{s.Model.ToUpperInvariant()} with {hidden} hidden units" + (s.BaselineHidden > 0 ? "" : " (matched to the QRNN's parameter count)");
}
