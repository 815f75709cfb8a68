using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Translation;

/// <summary>
/// Sequence to sequence with QRNN encoder and decoder and Bahdanau attention over the encoder's
/// per-step readouts (padding masked). The decoder's input at step t is (embedding of y_{t−1} :
/// context_t), where the context attends with the previous decoder readout as query; its first
/// feedback is the encoder's readout at the last real source token mapped to the decoder's width (<c>bridge</c>),
/// so gradients reach the encoder through both the attention and the bridge. Logits come from (z_t : context_t).
/// Parameters: <c>source_embedding</c>, <c>target_embedding</c>, <c>encoder.*</c>, <c>decoder.*</c>,
/// <c>attention.*</c>, <c>bridge.*</c>, <c>output.*</c>.
/// </summary>
public sealed class QrnnSeq2Seq : Seq2SeqModel
{
    private readonly Embedding _sourceEmbedding;
    private readonly Embedding _targetEmbedding;

    public QrnnSeq2Seq(QuantumCircuit encoderCircuit, QuantumCircuit decoderCircuit, int sourceVocabulary, int targetVocabulary, int embedding,
        int hidden, ControllerActivation activation, int attention = 64, double dropout = 0.0, Generator? generator = null,
        int checkpointInterval = QuantumMemory.DefaultCheckpointInterval, Generator? dropoutGenerator = null)
    {
        _sourceEmbedding = RegisterModule("source_embedding", new Embedding(sourceVocabulary, embedding, generator: generator));
        _targetEmbedding = RegisterModule("target_embedding", new Embedding(targetVocabulary, embedding, generator: generator));
        Encoder = RegisterModule("encoder", new QrnnCell(encoderCircuit, embedding, hidden, activation, dropout, DType.Float32, generator, checkpointInterval, dropoutGenerator: dropoutGenerator));
        int keys = Encoder.ReadoutSize;
        Decoder = RegisterModule("decoder", new QrnnCell(decoderCircuit, embedding + keys, hidden, activation, dropout, DType.Float32, generator, checkpointInterval, dropoutGenerator: dropoutGenerator));
        Attention = RegisterModule("attention", new AdditiveAttention(Decoder.ReadoutSize, keys, attention, generator));
        Bridge = RegisterModule("bridge", new Linear(keys, Decoder.ReadoutSize, generator: generator));
        Output = RegisterModule("output", new Linear(Decoder.ReadoutSize + keys, targetVocabulary, generator: generator));
        TargetVocabulary = targetVocabulary;
    }

    public override Embedding SourceEmbedding => _sourceEmbedding;
    public override Embedding TargetEmbedding => _targetEmbedding;
    public QrnnCell Encoder { get; }
    public QrnnCell Decoder { get; }
    public AdditiveAttention Attention { get; }
    public Linear Bridge { get; }
    public Linear Output { get; }
    public override int TargetVocabulary { get; }

    /// <summary>The encoder's readouts [B, S, R], their attention projection, and the first decoder feedback.</summary>
    public override EncodedSource Encode(Tensor source, Tensor mask)
    {
        CheckSource(source, mask);
        // The fused recurrence keeps only readouts per step, not a graph per step (see QrnnRecurrence).
        var keys = Encoder.ForwardSequence(SourceEmbedding.Forward(source));
        var first = Functional.Tanh(Bridge.Forward(LastRealStep(keys, mask)));
        return new EncodedSource(keys, Attention.ProjectKeys(keys), mask, first);
    }

    public override DecoderState BeginDecoding(EncodedSource encoded) =>
        new QrnnDecoderState(Decoder.Memory.Begin(encoded.Keys.Size(0)), encoded.FirstFeedback);

    public override (Tensor Logits, DecoderState State) DecodeStep(EncodedSource encoded, DecoderState state, Tensor embeddedInput)
    {
        var s = (QrnnDecoderState)state;
        var (context, _) = Attention.Attend(s.Query, encoded.Keys, encoded.ProjectedKeys, encoded.Mask);
        var z = Decoder.Step(s.Sequence, s.Query, Torch.Cat(new[] { embeddedInput, context }, dim: 1));
        return (Output.Forward(Torch.Cat(new[] { z, context }, dim: 1)), new QrnnDecoderState(s.Sequence, z));
    }

    /// <summary>The decoder's quantum sequence (advanced in place) and its latest readout.</summary>
    private sealed class QrnnDecoderState(QuantumSequence sequence, Tensor readout) : DecoderState
    {
        public QuantumSequence Sequence { get; } = sequence;
        public override Tensor Query { get; } = readout;

        public override DecoderState Reorder(int[] rows)
        {
            Sequence.Reorder(rows);
            return new QrnnDecoderState(Sequence, Rows(Query, rows));
        }
    }
}
