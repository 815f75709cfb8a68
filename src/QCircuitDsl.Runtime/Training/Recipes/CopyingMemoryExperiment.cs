using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training.Recipes;

/// <summary>Settings of <see cref="CopyingMemoryExperiment"/>; the defaults are the example's.</summary>
public sealed record CopyingMemorySettings
{
    public int Delay { get; init; } = 10;
    public int TrainSequences { get; init; } = 4000;
    public int TestSequences { get; init; } = 500;
    public int HiddenSize { get; init; } = 64;
    public int BatchSize { get; init; } = 20;
    public int Epochs { get; init; } = 15;
    public double LearningRate { get; init; } = 3e-3;
    public double GradientClipNorm { get; init; } = 1.0;
    public ulong Seed { get; init; } = 1;
    /// <summary>Metrics (metrics.jsonl) and checkpoints (last.safetensors) go here; null writes nothing.</summary>
    public string? OutputDirectory { get; init; }
    public IProgressReporter? Reporter { get; init; }
    public bool RecordTiming { get; init; } = true;
}

/// <summary>
/// An LSTM trained on the copying-memory task (Arjovsky et al. 2016) with <see cref="Trainer{TBatch}"/>: the
/// examples/QCircuitDsl.Examples.LstmCopying program and its test run this with different sizes. Everything random
/// (data, initialisation, shuffles) derives from <see cref="CopyingMemorySettings.Seed"/>.
/// </summary>
public sealed class CopyingMemoryExperiment
{
    public CopyingMemoryExperiment(CopyingMemorySettings settings)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Task = new CopyingMemoryTask(settings.Delay);
        Train = Loader(Task.Generate(settings.TrainSequences, Seeding.Derive(settings.Seed, Seeding.Data)), shuffle: true);
        Test = Loader(Task.Generate(settings.TestSequences, Seeding.Derive(settings.Seed, Seeding.Data + ".test")), shuffle: false);
        Model = new CopyingLstm(settings.HiddenSize, Seeding.Generator(settings.Seed, Seeding.Init));
        Optimizer = new Adam(Model.Parameters(), lr: settings.LearningRate);
        string? dir = settings.OutputDirectory;
        Trainer = new Trainer<TensorBatch>(Model, Optimizer, Model.Loss, new TrainerOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            GradientClipNorm = settings.GradientClipNorm,
            Metrics = MetricKinds.Accuracy,
            MetricsPath = dir is null ? null : Path.Combine(dir, "metrics.jsonl"),
            CheckpointDirectory = dir,
            Reporter = settings.Reporter,
            RecordTiming = settings.RecordTiming,
            ProgressUnit = "batch",
        });
    }

    public CopyingMemorySettings Settings { get; }
    public CopyingMemoryTask Task { get; }
    public TensorDataLoader Train { get; }
    public TensorDataLoader Test { get; }
    public CopyingLstm Model { get; }
    public Adam Optimizer { get; }
    public Trainer<TensorBatch> Trainer { get; }

    /// <summary>Accuracy of guessing on the copied symbols: 1/8.</summary>
    public static double ChanceAccuracy => 1.0 / CopyingMemoryTask.SymbolCount;

    public TrainingResult Run() => Trainer.Fit(Train, Test);

    private TensorDataLoader Loader(CopyingMemoryBatch data, bool shuffle)
    {
        var inputs = Torch.Tensor(data.InputsOneHot(), data.Count, data.SequenceLength, CopyingMemoryTask.VocabularySize);
        var targets = Torch.Tensor(data.Targets.Select(t => (long)t).ToArray(), data.Count, data.SequenceLength);
        return new TensorDataLoader(inputs, targets, Settings.BatchSize, shuffle, Seeding.Derive(Settings.Seed, Seeding.Shuffle));
    }
}
