using QCircuitDsl.Models.Metrics;
using QCircuitDsl.Models.Translation;
using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// Padded sentence pairs: source ids and mask [B, S]; decoder inputs (&lt;bos&gt; y) and targets (y &lt;eos&gt;) [B, T],
/// padded with &lt;pad&gt; = 0, which the loss ignores.
/// </summary>
public sealed record SentencePairBatch(Tensor Source, Tensor Mask, Tensor DecoderInput, Tensor DecoderTarget, int[] Indices);

/// <summary>Mini-batches of sentence pairs, shuffled per epoch when a seed is given (see <see cref="ShuffledBatchLoader{TBatch}"/>).</summary>
public sealed class SentencePairLoader : ShuffledBatchLoader<SentencePairBatch>
{
    private readonly IReadOnlyList<int[]> _source;
    private readonly IReadOnlyList<int[]> _target;

    public SentencePairLoader(IReadOnlyList<int[]> source, IReadOnlyList<int[]> target, int batchSize, ulong? seed = null)
        : base(source.Count, batchSize, seed)
    {
        _source = source;
        _target = target;
    }

    protected override SentencePairBatch MakeBatch(int[] indices)
    {
        var source = SequenceBatcher.Pad(indices.Select(i => _source[i]).ToArray());
        var input = SequenceBatcher.Pad(indices.Select(i => _target[i].Prepend(Vocabulary.BeginId).ToArray()).ToArray());
        var target = SequenceBatcher.Pad(indices.Select(i => _target[i].Append(Vocabulary.EndId).ToArray()).ToArray());
        return new SentencePairBatch(Ids(source), Mask(source), Ids(input), Ids(target), indices);
    }
}

/// <summary>
/// Multi30K De→En with the QRNN sequence-to-sequence model (13 qubits, GLU controller, e = 512, batch 64,
/// dropout 0.25 by default) or a classical baseline with the same heads. Training is teacher-forced cross-entropy
/// per target token; after each epoch the test split is also decoded (greedy, or beam search with --beam) and
/// scored with corpus BLEU-4, logged as <c>test_bleu</c>.
/// </summary>
public sealed class TranslationRun : ITaskRun
{
    private readonly Multi30kData _data;

    public TranslationRun(TaskSettings settings, Multi30kData data, string? outputDirectory, IProgressReporter? reporter = null, bool recordTiming = true)
    {
        Settings = settings;
        _data = data;
        var init = Seeding.Generator(settings.Seed, Seeding.Init);
        var dropout = Seeding.Generator(settings.Seed, Seeding.Dropout);
        (Model, ModelDescription) = BuildModel(settings, data.SourceVocabulary.Count, data.TargetVocabulary.Count, init, dropout);
        Trainer = RunTrainer.Create<SentencePairBatch>(Model, settings, Loss, MetricKinds.None, outputDirectory, dropout, reporter, recordTiming, TestBleu);
        Train = new SentencePairLoader(data.TrainSource, data.TrainTarget, settings.Batch, Seeding.Derive(settings.Seed, Seeding.Shuffle));
        Test = new SentencePairLoader(data.TestSource, data.TestTarget, settings.Batch);
    }

    public TaskSettings Settings { get; }
    public Seq2SeqModel Model { get; }
    public Trainer<SentencePairBatch> Trainer { get; }
    public SentencePairLoader Train { get; }
    public SentencePairLoader Test { get; }
    public string TaskDescription => _data.Description;
    public string ModelDescription { get; }
    public long ParameterCount => ParameterCounts.WithoutEmbeddings(Model);
    public long TotalParameterCount => ParameterCounts.Total(Model);
    public int TestExamples => _data.TestSource.Count;
    public string? CheckpointPath => Trainer.CheckpointPath;
    public string? LastCheckpointPath => Trainer.LastCheckpointPath;

    public TrainingResult Run(string? resumeFrom = null) => RunTrainer.Run(Trainer, Train, Test, resumeFrom);

    public EvaluationResult Evaluate(string checkpointPath) => RunTrainer.Evaluate(Trainer, Test, checkpointPath, TestBleu);

    /// <summary>Decodes every test source (greedy, or beam search with length-normalised scores) and returns the token lists.</summary>
    public IReadOnlyList<string[]> Translate()
    {
        // Decoding is evaluation: no dropout (and so no draws from the dropout generator), whatever mode the model was in.
        bool training = Model.Training;
        Model.Eval();
        try
        {
            var translations = new List<string[]>(_data.TestSource.Count);
            foreach (var batch in Test.GetBatches(0))
            {
                var ids = Settings.Beam > 1
                    ? BeamSearch.Decode(Model, batch.Source, batch.Mask, Vocabulary.BeginId, Vocabulary.EndId, Settings.MaxLength, Settings.Beam, lengthPenalty: 1.0)
                    : BeamSearch.Greedy(Model, batch.Source, batch.Mask, Vocabulary.BeginId, Vocabulary.EndId, Settings.MaxLength);
                translations.AddRange(ids.Select(sentence => _data.TargetVocabulary.Decode(sentence.Select(id => (int)id).ToArray())));
            }

            return translations;
        }
        finally
        {
            Model.Train(training);
        }
    }

    /// <summary>Corpus BLEU-4 (0–100) of <see cref="Translate"/> against the full tokenised test references.</summary>
    public double Bleu() => CorpusBleu.Score(Translate().Select(t => (IReadOnlyList<string>)t).ToList(), _data.TestReferences);

    private IReadOnlyDictionary<string, double> TestBleu() => new Dictionary<string, double> { ["bleu"] = Bleu() };

    /// <summary>Mean cross-entropy over the real (non-padding) target tokens.</summary>
    private BatchResult Loss(SentencePairBatch batch)
    {
        var logits = Model.Forward(batch.Source, batch.Mask, batch.DecoderInput);
        long tokens = batch.DecoderTarget.ToArray<long>().LongCount(id => id != Vocabulary.PadId);
        return new BatchResult(Functional.CrossEntropy(logits, batch.DecoderTarget, ignoreIndex: Vocabulary.PadId, classDim: -1), tokens);
    }

    /// <summary>The model a run trains; a baseline matches the QRNN's count without embeddings unless its hidden size is given.</summary>
    public static (Seq2SeqModel Model, string Description) BuildModel(TaskSettings s, int sourceVocabulary, int targetVocabulary, Generator init, Generator dropout)
    {
        if (s.Model == "qrnn")
        {
            return (Qrnn(s, sourceVocabulary, targetVocabulary, init, dropout), RunTrainer.QrnnDescription(s) + $" (encoder and decoder), embeddings {s.Embedding}, attention {s.AttentionSize}");
        }

        var kind = RunTrainer.BaselineKind(s.Model);
        long target = ParameterCounts.WithoutEmbeddings(Qrnn(s, sourceVocabulary, targetVocabulary, new Generator(0), null));
        int hidden = s.BaselineHidden > 0 ? s.BaselineHidden : RecurrentSeq2Seq.HiddenForParameterCount(kind, s.Embedding, s.AttentionSize, targetVocabulary, target);
        var model = new RecurrentSeq2Seq(kind, sourceVocabulary, targetVocabulary, s.Embedding, hidden, s.AttentionSize, s.Dropout, init, dropout);
        return (model, RunTrainer.BaselineDescription(s, hidden) + $" (encoder and decoder), embeddings {s.Embedding}, attention {s.AttentionSize}");
    }

    private static QrnnSeq2Seq Qrnn(TaskSettings s, int sourceVocabulary, int targetVocabulary, Generator init, Generator? dropout) =>
        new(new Sim14(n: s.Qubits), new Sim14(n: s.Qubits), sourceVocabulary, targetVocabulary, s.Embedding, s.Hidden, s.Activation, s.AttentionSize, s.Dropout, init, s.CheckpointInterval, dropout);
}
