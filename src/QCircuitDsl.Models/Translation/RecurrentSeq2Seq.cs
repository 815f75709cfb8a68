using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Translation;

/// <summary>
/// The classical baseline of <see cref="QrnnSeq2Seq"/> with the same heads: an RNN, LSTM or GRU encoder
/// (<c>encoder.*</c>) over the dropped-out source embeddings, a decoder cell of the same kind (<c>decoder.*</c>)
/// reading (embedding of y_{t−1} : context_t), Bahdanau attention with the previous decoder hidden state as query,
/// a bridge from the encoder's output at the last real source token to the decoder's first hidden state, and
/// logits from (h_t : context_t).
/// </summary>
public sealed class RecurrentSeq2Seq : Seq2SeqModel
{
    private readonly Embedding _sourceEmbedding;
    private readonly Embedding _targetEmbedding;
    private readonly RNNCell? _rnn;
    private readonly LSTMCell? _lstm;
    private readonly GRUCell? _gru;
    private readonly Generator? _dropoutGenerator;

    public RecurrentSeq2Seq(RecurrentKind kind, int sourceVocabulary, int targetVocabulary, int embedding, int hidden, int attention = 64,
        double dropout = 0.0, Generator? generator = null, Generator? dropoutGenerator = null)
    {
        Kind = kind;
        Dropout = dropout;
        _dropoutGenerator = dropoutGenerator ?? generator;
        _sourceEmbedding = RegisterModule("source_embedding", new Embedding(sourceVocabulary, embedding, generator: generator));
        _targetEmbedding = RegisterModule("target_embedding", new Embedding(targetVocabulary, embedding, generator: generator));
        Encoder = RegisterModule("encoder", new RecurrentEncoder(kind, embedding, hidden, generator: generator));
        switch (kind)
        {
            case RecurrentKind.Rnn:
                _rnn = RegisterModule("decoder", new RNNCell(embedding + hidden, hidden, generator: generator));
                break;
            case RecurrentKind.Lstm:
                _lstm = RegisterModule("decoder", new LSTMCell(embedding + hidden, hidden, generator: generator));
                break;
            default:
                _gru = RegisterModule("decoder", new GRUCell(embedding + hidden, hidden, generator: generator));
                break;
        }

        Attention = RegisterModule("attention", new AdditiveAttention(hidden, hidden, attention, generator));
        Bridge = RegisterModule("bridge", new Linear(hidden, hidden, generator: generator));
        Output = RegisterModule("output", new Linear(2 * hidden, targetVocabulary, generator: generator));
        TargetVocabulary = targetVocabulary;
        Hidden = hidden;
    }

    public RecurrentKind Kind { get; }
    public int Hidden { get; }
    public double Dropout { get; }
    public override Embedding SourceEmbedding => _sourceEmbedding;
    public override Embedding TargetEmbedding => _targetEmbedding;
    public RecurrentEncoder Encoder { get; }
    public AdditiveAttention Attention { get; }
    public Linear Bridge { get; }
    public Linear Output { get; }
    public override int TargetVocabulary { get; }

    /// <summary>Parameters besides the two embeddings, for a hidden size: what the paper counts.</summary>
    public static long CountWithoutEmbeddings(RecurrentKind kind, int embedding, int hidden, int attention, int targetVocabulary) =>
        RecurrentEncoder.CountFor(kind, embedding, hidden) + RecurrentEncoder.CountFor(kind, embedding + hidden, hidden)
        + 2L * hidden * attention + 2L * attention // query (no bias), key (with bias), score (no bias)
        + (long)hidden * (hidden + 1) + (long)(2 * hidden + 1) * targetVocabulary;

    /// <summary>The hidden size whose <see cref="CountWithoutEmbeddings"/> is closest to <paramref name="target"/>.</summary>
    public static int HiddenForParameterCount(RecurrentKind kind, int embedding, int attention, int targetVocabulary, long target) =>
        Enumerable.Range(1, 4096).MinBy(h => Math.Abs(CountWithoutEmbeddings(kind, embedding, h, attention, targetVocabulary) - target));

    public override EncodedSource Encode(Tensor source, Tensor mask)
    {
        CheckSource(source, mask);
        var keys = Encoder.Forward(Drop(SourceEmbedding.Forward(source)));
        var first = Functional.Tanh(Bridge.Forward(LastRealStep(keys, mask)));
        return new EncodedSource(keys, Attention.ProjectKeys(keys), mask, first);
    }

    public override DecoderState BeginDecoding(EncodedSource encoded) =>
        new RecurrentDecoderState(encoded.FirstFeedback, _lstm is null ? null : Torch.ZerosLike(encoded.FirstFeedback));

    public override (Tensor Logits, DecoderState State) DecodeStep(EncodedSource encoded, DecoderState state, Tensor embeddedInput)
    {
        var s = (RecurrentDecoderState)state;
        var (context, _) = Attention.Attend(s.Query, encoded.Keys, encoded.ProjectedKeys, encoded.Mask);
        var input = Drop(Torch.Cat(new[] { embeddedInput, context }, dim: 1));
        RecurrentDecoderState next;
        if (_lstm is not null)
        {
            var (h, c) = _lstm.Forward(input, (s.Query, s.Cell!));
            next = new RecurrentDecoderState(h, c);
        }
        else
        {
            next = new RecurrentDecoderState(_rnn?.Forward(input, s.Query) ?? _gru!.Forward(input, s.Query), null);
        }

        return (Output.Forward(Torch.Cat(new[] { next.Query, context }, dim: 1)), next);
    }

    private Tensor Drop(Tensor x) => Dropout > 0 ? Functional.Dropout(x, Dropout, Training, _dropoutGenerator) : x;

    /// <summary>The decoder's hidden state (and cell state for the LSTM).</summary>
    private sealed class RecurrentDecoderState(Tensor hidden, Tensor? cell) : DecoderState
    {
        public override Tensor Query { get; } = hidden;
        public Tensor? Cell { get; } = cell;

        public override DecoderState Reorder(int[] rows) => new RecurrentDecoderState(Rows(Query, rows), Cell is null ? null : Rows(Cell, rows));
    }
}
