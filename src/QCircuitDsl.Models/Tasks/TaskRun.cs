using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// One training run of a sequence task with the QRNN or a classical baseline, on the runtime's
/// <see cref="Trainer{TBatch}"/>: metrics as JSON lines (<c>metrics.jsonl</c>), checkpoints
/// (<c>last.safetensors</c>) and resume all come from there. Everything random derives from the seed.
/// </summary>
public sealed class TaskRun : ITaskRun
{
    public TaskRun(TaskSettings settings, TaskData data, string? outputDirectory, IProgressReporter? reporter = null, bool recordTiming = true)
    {
        Settings = settings;
        Data = data;
        var init = Seeding.Generator(settings.Seed, Seeding.Init);
        var dropout = Seeding.Generator(settings.Seed, Seeding.Dropout);
        (Encoder, Model) = BuildModel(settings, data.Features, data.Classes, data.PerStep, init, dropout);
        Optimizer = new Adam(Model.Parameters(), lr: settings.LearningRate, eps: settings.Epsilon, weightDecay: settings.WeightDecay);
        Trainer = new Trainer<TensorBatch>(Model, Optimizer, Loss, new TrainerOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            GradientClipNorm = settings.GradientClipNorm,
            Metrics = MetricKinds.Accuracy,
            MetricsPath = outputDirectory is null ? null : Path.Combine(outputDirectory, "metrics.jsonl"),
            CheckpointDirectory = outputDirectory,
            Generators = new Dictionary<string, Generator> { [Seeding.Dropout] = dropout },
            Reporter = reporter,
            RecordTiming = recordTiming,
        });
        Train = new TensorDataLoader(data.TrainInputs, data.TrainTargets, settings.Batch, shuffle: true, Seeding.Derive(settings.Seed, Seeding.Shuffle));
        Test = new TensorDataLoader(data.TestInputs, data.TestTargets, settings.Batch);
    }

    public TaskSettings Settings { get; }
    public TaskData Data { get; }
    public SequenceEncoder Encoder { get; }
    public Module<Tensor, Tensor> Model { get; }
    public Adam Optimizer { get; }
    public Trainer<TensorBatch> Trainer { get; }
    public TensorDataLoader Train { get; }
    public TensorDataLoader Test { get; }

    /// <summary>Trained parameters, excluding embeddings (there are none in these tasks), as the paper counts them.</summary>
    public long ParameterCount => Model.Parameters().Sum(p => (long)p.Numel);

    public long TotalParameterCount => ParameterCount;
    public string TaskDescription => Data.Description;
    public int TestExamples => Data.TestInputs.Size(0);
    public string? CheckpointPath => Trainer.CheckpointPath;
    public string? LastCheckpointPath => Trainer.LastCheckpointPath;

    public string ModelDescription => Settings.Model == "qrnn"
        ? RunTrainer.QrnnDescription(Settings)
        : RunTrainer.BaselineDescription(Settings, Encoder.OutputSize);

    public TrainingResult Run(string? resumeFrom = null) => RunTrainer.Run(Trainer, Train, Test, resumeFrom);

    public EvaluationResult Evaluate(string checkpointPath) => RunTrainer.Evaluate(Trainer, Test, checkpointPath);

    private BatchResult Loss(TensorBatch batch)
    {
        var logits = Model.Forward(batch.Inputs);
        if (!Data.PerStep)
        {
            return ClassificationLoss.Of(logits, batch.Targets);
        }

        // Copying: the loss averages over every position (its memoryless baseline is 10·ln 8/(T+20));
        // accuracy counts only the 10 copied symbols, where guessing scores 1/8.
        var loss = Functional.CrossEntropy(logits, batch.Targets, classDim: -1);
        int length = logits.Size(1), copy = CopyingMemoryTask.CopyLength;
        var p = logits.Narrow(1, length - copy, copy).Argmax(-1).ToArray<long>();
        var e = batch.Targets.Narrow(1, length - copy, copy).ToArray<long>();
        return new BatchResult(loss, batch.Targets.Numel, p.Zip(e).LongCount(x => x.First == x.Second), p.Length);
    }

    /// <summary>The model a run trains, from its settings and the data's shape (also used to rebuild it for evaluation and interchange).</summary>
    public static (SequenceEncoder Encoder, Module<Tensor, Tensor> Model) BuildModel(TaskSettings settings, int features, int classes, bool perStep, Generator init, Generator? dropout = null)
    {
        var encoder = BuildEncoder(settings, features, classes, init, dropout ?? init);
        Module<Tensor, Tensor> model = perStep
            ? new SequenceTagger(encoder, classes, generator: init)
            : new SequenceClassifier(encoder, classes, generator: init);
        return (encoder, model);
    }

    private static SequenceEncoder BuildEncoder(TaskSettings s, int features, int classes, Generator init, Generator dropout)
    {
        var qrnn = new QrnnEncoder(new Sim14(n: s.Qubits), features, s.Hidden, s.Activation, s.Dropout, generator: init, checkpointInterval: s.CheckpointInterval, dropoutGenerator: dropout);
        if (s.Model == "qrnn")
        {
            return qrnn;
        }

        var kind = s.Model switch
        {
            "lstm" => RecurrentKind.Lstm,
            "rnn" => RecurrentKind.Rnn,
            "gru" => RecurrentKind.Gru,
            _ => throw new ArgumentException($"unknown model '{s.Model}'; expected qrnn, lstm, rnn or gru."),
        };
        // A baseline matches the QRNN's parameter count (encoder + head) unless a hidden size is given.
        long target = qrnn.ParameterCount + (long)(qrnn.OutputSize + 1) * classes;
        int hidden = s.BaselineHidden > 0 ? s.BaselineHidden : RecurrentEncoder.HiddenForParameterCount(kind, features, target, classes);
        return new RecurrentEncoder(kind, features, hidden, generator: init);
    }
}
