using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// IMDB sentiment with the QRNN (8 qubits, LeakyReLU controller, e = 100, dropout 0.25 on the input at each step
/// by default) or a classical baseline with the same embedding and head and the same parameter count without
/// embeddings: embeddings → encoder → affine map of the readout at the review's last token to two classes.
/// </summary>
public sealed class TextClassificationRun : ITaskRun
{
    private readonly ImdbData _data;

    public TextClassificationRun(TaskSettings settings, ImdbData data, string? outputDirectory, IProgressReporter? reporter = null, bool recordTiming = true)
    {
        Settings = settings;
        _data = data;
        var init = Seeding.Generator(settings.Seed, Seeding.Init);
        var dropout = Seeding.Generator(settings.Seed, Seeding.Dropout);
        (Model, ModelDescription) = BuildModel(settings, data.Vocabulary.Count, init, dropout);
        Trainer = RunTrainer.Create<TokenBatch>(Model, settings, Loss, MetricKinds.Accuracy, outputDirectory, dropout, reporter, recordTiming);
        Train = new TokenBatchLoader(data.TrainTokens, data.TrainLabels, settings.Batch, Seeding.Derive(settings.Seed, Seeding.Shuffle));
        Test = new TokenBatchLoader(data.TestTokens, data.TestLabels, settings.Batch);
    }

    public TaskSettings Settings { get; }
    public TextClassifier Model { get; }
    public Trainer<TokenBatch> Trainer { get; }
    public TokenBatchLoader Train { get; }
    public TokenBatchLoader Test { get; }
    public string TaskDescription => _data.Description;
    public string ModelDescription { get; }
    public long ParameterCount => ParameterCounts.WithoutEmbeddings(Model);
    public long TotalParameterCount => ParameterCounts.Total(Model);
    public int TestExamples => _data.TestLabels.Length;
    public string? CheckpointPath => Trainer.CheckpointPath;
    public string? LastCheckpointPath => Trainer.LastCheckpointPath;

    public TrainingResult Run(string? resumeFrom = null) => RunTrainer.Run(Trainer, Train, Test, resumeFrom);

    public EvaluationResult Evaluate(string checkpointPath) => RunTrainer.Evaluate(Trainer, Test, checkpointPath);

    private BatchResult Loss(TokenBatch batch) => ClassificationLoss.Of(Model.Forward(batch.Tokens, batch.Mask), batch.Labels);

    /// <summary>The classifier a run trains; a baseline's hidden size matches the QRNN's count without embeddings unless given.</summary>
    public static (TextClassifier Model, string Description) BuildModel(TaskSettings s, int vocabulary, Generator init, Generator dropout)
    {
        if (s.Model == "qrnn")
        {
            var qrnn = QrnnEncoder(s, init, dropout);
            return (new TextClassifier(vocabulary, s.Embedding, qrnn, ImdbData.Classes, generator: init), RunTrainer.QrnnDescription(s) + $", embeddings {s.Embedding}");
        }

        var kind = RunTrainer.BaselineKind(s.Model);
        // The QRNN built only to be counted draws from its own generator, so the baseline's initialisation does not depend on it.
        long target = QrnnEncoder(s, new Generator(0), null).ParameterCount + (long)(3 * s.Qubits + 1) * ImdbData.Classes;
        int hidden = s.BaselineHidden > 0 ? s.BaselineHidden : RecurrentEncoder.HiddenForParameterCount(kind, s.Embedding, target, ImdbData.Classes);
        var encoder = new RecurrentEncoder(kind, s.Embedding, hidden, generator: init);
        return (new TextClassifier(vocabulary, s.Embedding, encoder, ImdbData.Classes, s.Dropout, init, dropout), RunTrainer.BaselineDescription(s, hidden) + $", embeddings {s.Embedding}");
    }

    private static QrnnEncoder QrnnEncoder(TaskSettings s, Generator init, Generator? dropout) =>
        new(new Sim14(n: s.Qubits), s.Embedding, s.Hidden, s.Activation, s.Dropout, generator: init, checkpointInterval: s.CheckpointInterval, dropoutGenerator: dropout);
}
