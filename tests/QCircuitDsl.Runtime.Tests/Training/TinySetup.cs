using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Runtime.Tests.Training;

/// <summary>A small classifier with dropout (so the generator state matters), built from scratch for every run the
/// way a new process would: all randomness from the seed.</summary>
internal sealed class TinyClassifier : Module<Tensor, Tensor>
{
    public TinyClassifier(Generator init)
    {
        Hidden = RegisterModule("hidden", new Linear(4, 16, generator: init));
        Drop = RegisterModule("drop", new Dropout(0.25)); // draws from Torch.DefaultGenerator
        Output = RegisterModule("output", new Linear(16, 3, generator: init));
    }

    public Linear Hidden { get; }
    public Dropout Drop { get; }
    public Linear Output { get; }

    public override Tensor Forward(Tensor x) => Output.Forward(Drop.Forward(Functional.Relu(Hidden.Forward(x))));

    public BatchResult Loss(TensorBatch batch)
    {
        var logits = Forward(batch.Inputs);
        var predicted = logits.Argmax(1).ToArray<long>();
        var expected = batch.Targets.ToArray<long>();
        long correct = predicted.Zip(expected).Count(p => p.First == p.Second);
        return new BatchResult(Functional.CrossEntropy(logits, batch.Targets), batch.Size, correct, batch.Size);
    }
}

/// <summary>Model, optimizer, scheduler, data and trainer of one run.</summary>
internal sealed class TinyRun
{
    public TinyRun(ulong seed, string? directory, int epochs = 3, long? maxSteps = null, int? checkpointEvery = null,
        Func<TensorBatch, BatchResult>? lossOverride = null, MetricKinds metrics = MetricKinds.Accuracy, Func<IReadOnlyDictionary<string, double>>? testMetrics = null)
    {
        // A learnable rule: the class is the index of the largest of the first three features.
        var data = Seeding.Generator(seed, Seeding.Data);
        var x = Torch.Randn([70, 4], data);
        var y = x.Narrow(1, 0, 3).Argmax(1);
        Train = new TensorDataLoader(x.Narrow(0, 0, 50).Contiguous(), y.Narrow(0, 0, 50).Contiguous(), 8, shuffle: true, Seeding.Derive(seed, Seeding.Shuffle));
        Test = new TensorDataLoader(x.Narrow(0, 50, 20).Contiguous(), y.Narrow(0, 50, 20).Contiguous(), 8);
        Model = new TinyClassifier(Seeding.Generator(seed, Seeding.Init));
        Optimizer = new Adam(Model.Parameters(), lr: 0.05);
        Scheduler = new StepLR(Optimizer, stepSize: 1, gamma: 0.7);
        Trainer = new Trainer<TensorBatch>(Model, Optimizer, lossOverride ?? Model.Loss, new TrainerOptions
        {
            Epochs = epochs,
            MaxSteps = maxSteps,
            Seed = seed,
            GradientClipNorm = 1.0,
            Metrics = metrics,
            TestMetrics = testMetrics,
            MetricsPath = directory is null ? null : Path.Combine(directory, "metrics.jsonl"),
            CheckpointDirectory = directory,
            CheckpointEverySteps = checkpointEvery,
            RecordTiming = false,
            Reporter = NullProgressReporter.Instance,
        }, Scheduler);
    }

    public TensorDataLoader Train { get; }
    public TensorDataLoader Test { get; }
    public TinyClassifier Model { get; }
    public Adam Optimizer { get; }
    public StepLR Scheduler { get; }
    public Trainer<TensorBatch> Trainer { get; }

    public TrainingResult Fit() => Trainer.Fit(Train, Test);

    /// <summary>Every parameter's float32 bits, in state-dict order.</summary>
    public int[] ParameterBits() =>
        Model.StateDict().Values.SelectMany(t => t.ToArray<float>()).Select(BitConverter.SingleToInt32Bits).ToArray();
}
