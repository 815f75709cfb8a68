using QCircuitDsl.Models.LanguageModel;
using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>One truncated-BPTT window, batch-first: inputs and next-token targets [B, L]; <see cref="Start"/> 0 begins a pass over the stream.</summary>
public sealed record TokenWindow(Tensor Input, Tensor Target, int Start, bool IsTest);

/// <summary>The windows of a token stream cut into B columns (<see cref="LanguageModelBatcher"/>), in order every epoch, as in PyTorch's word_language_model.</summary>
public sealed class TokenWindowLoader : IDataLoader<TokenWindow>
{
    private readonly List<BpttChunk> _chunks;
    private readonly bool _isTest;

    public TokenWindowLoader(int[] tokens, int batchSize, int bptt, bool isTest)
    {
        _chunks = LanguageModelBatcher.Chunks(LanguageModelBatcher.Batchify(tokens, batchSize), bptt).ToList();
        _isTest = isTest;
    }

    public int BatchCount => _chunks.Count;

    /// <summary>Tokens predicted in one pass: every token of a column except its first.</summary>
    public int PredictedTokens => _chunks.Sum(c => c.Length * c.BatchSize);

    public IEnumerable<TokenWindow> GetBatches(int epoch, int start = 0) => _chunks.Skip(start).Select(c =>
        new TokenWindow(BatchFirst(c.Input, c.Length, c.BatchSize), BatchFirst(c.Target, c.Length, c.BatchSize), c.Start, _isTest));

    private static Tensor BatchFirst(int[] timeMajor, int length, int batch)
    {
        var ids = new long[timeMajor.Length];
        for (int t = 0; t < length; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                ids[b * length + t] = timeMajor[t * batch + b];
            }
        }

        return Torch.Tensor(ids, batch, length);
    }
}

/// <summary>
/// PTB language modelling with the QRNN (14 qubits, LeakyReLU, e = 650, batch 64, dropout 0.5, windows of 35
/// tokens by default) or a classical baseline with the same head. Readouts go through a feedforward layer whose
/// output gives the logits (decoder tied to the embedding, so its width is e) and is the next step's feedback.
/// The state is carried from window to window (detached: truncated backpropagation through time) and restarts
/// at the beginning of each pass over a stream — every epoch, and every evaluation. A run resumed from a
/// mid-epoch checkpoint restarts the carried state at the resumed window; the CLI checkpoints at epoch ends, where
/// nothing is carried, so its resumed runs equal uninterrupted ones.
/// </summary>
public sealed class LanguageModelRun : ITaskRun
{
    private readonly PtbData _data;
    private object? _trainState;
    private object? _testState;

    public LanguageModelRun(TaskSettings settings, PtbData data, string? outputDirectory, IProgressReporter? reporter = null, bool recordTiming = true)
    {
        Settings = settings;
        _data = data;
        var init = Seeding.Generator(settings.Seed, Seeding.Init);
        var dropout = Seeding.Generator(settings.Seed, Seeding.Dropout);
        (Model, ModelDescription) = BuildModel(settings, data.Vocabulary.Count, init, dropout);
        Trainer = RunTrainer.Create<TokenWindow>((Module)Model, settings, Loss, MetricKinds.Perplexity, outputDirectory, dropout, reporter, recordTiming);
        Train = new TokenWindowLoader(data.Train, settings.Batch, settings.Bptt, isTest: false);
        Test = new TokenWindowLoader(data.Test, settings.Batch, settings.Bptt, isTest: true);
    }

    public TaskSettings Settings { get; }
    public IChunkedLanguageModel Model { get; }
    public Trainer<TokenWindow> Trainer { get; }
    public TokenWindowLoader Train { get; }
    public TokenWindowLoader Test { get; }
    public string TaskDescription => _data.Description;
    public string ModelDescription { get; }
    public long ParameterCount => ParameterCounts.WithoutEmbeddings((Module)Model);
    public long TotalParameterCount => ParameterCounts.Total((Module)Model);
    public int TestExamples => Test.PredictedTokens;
    public string? CheckpointPath => Trainer.CheckpointPath;
    public string? LastCheckpointPath => Trainer.LastCheckpointPath;

    public TrainingResult Run(string? resumeFrom = null) => RunTrainer.Run(Trainer, Train, Test, resumeFrom);

    public EvaluationResult Evaluate(string checkpointPath) => RunTrainer.Evaluate(Trainer, Test, checkpointPath);

    /// <summary>Mean next-token cross-entropy over the window's B·L tokens (so the trainer's perplexity is exp of the token mean).</summary>
    private BatchResult Loss(TokenWindow window)
    {
        var state = window.Start == 0 ? null : window.IsTest ? _testState : _trainState;
        var (logits, next) = Model.Forward(window.Input, state);
        if (window.IsTest)
        {
            _testState = next;
        }
        else
        {
            _trainState = next;
        }

        return new BatchResult(Functional.CrossEntropy(logits, window.Target, classDim: -1), window.Target.Numel);
    }

    /// <summary>The language model a run trains (decoder tied to the embedding); a baseline matches the QRNN's count without embeddings unless its hidden size is given.</summary>
    public static (IChunkedLanguageModel Model, string Description) BuildModel(TaskSettings s, int vocabulary, Generator init, Generator dropout)
    {
        if (s.Model == "qrnn")
        {
            return (Qrnn(s, vocabulary, init, dropout), RunTrainer.QrnnDescription(s) + $", embeddings {s.Embedding} tied to the decoder");
        }

        var kind = RunTrainer.BaselineKind(s.Model);
        long target = ParameterCounts.WithoutEmbeddings(Qrnn(s, vocabulary, new Generator(0), null));
        int hidden = s.BaselineHidden > 0 ? s.BaselineHidden
            : RecurrentLanguageModel.HiddenForParameterCount(kind, s.Embedding, s.Embedding, vocabulary, tieWeights: true, target);
        var model = new RecurrentLanguageModel(kind, vocabulary, s.Embedding, hidden, s.Embedding, s.Dropout, init, tieWeights: true, dropoutGenerator: dropout);
        return (model, RunTrainer.BaselineDescription(s, hidden) + $", embeddings {s.Embedding} tied to the decoder");
    }

    private static QrnnLanguageModel Qrnn(TaskSettings s, int vocabulary, Generator init, Generator? dropout) =>
        new(new Sim14(n: s.Qubits), vocabulary, s.Embedding, s.Hidden, feedback: s.Embedding, s.Activation, s.Dropout, init, s.CheckpointInterval, tieWeights: true, dropoutGenerator: dropout);
}
