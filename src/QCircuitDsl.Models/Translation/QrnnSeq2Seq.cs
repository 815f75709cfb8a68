using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Translation;

/// <summary>
/// Sequence to sequence with QRNN encoder and decoder and Bahdanau attention over the encoder's
/// per-step readouts (padding masked). The decoder's input at step t is (embedding of y_{t−1} :
/// context_t), where the context attends with the previous decoder readout as query; its first
/// feedback is the encoder's last readout mapped to the decoder's width (<c>bridge</c>), so gradients
/// reach the encoder through both the attention and the bridge. Logits come from (z_t : context_t).
/// Parameters: <c>source_embedding</c>, <c>target_embedding</c>, <c>encoder.*</c>, <c>decoder.*</c>,
/// <c>attention.*</c>, <c>bridge.*</c>, <c>output.*</c>.
/// </summary>
public sealed class QrnnSeq2Seq : Module
{
    public QrnnSeq2Seq(QuantumCircuit encoderCircuit, QuantumCircuit decoderCircuit, int sourceVocabulary, int targetVocabulary, int embedding,
        int hidden, ControllerActivation activation, int attention = 64, double dropout = 0.0, Generator? generator = null,
        int checkpointInterval = QuantumMemory.DefaultCheckpointInterval)
    {
        SourceEmbedding = RegisterModule("source_embedding", new Embedding(sourceVocabulary, embedding, generator: generator));
        TargetEmbedding = RegisterModule("target_embedding", new Embedding(targetVocabulary, embedding, generator: generator));
        Encoder = RegisterModule("encoder", new QrnnCell(encoderCircuit, embedding, hidden, activation, dropout, DType.Float32, generator, checkpointInterval));
        int keys = Encoder.ReadoutSize;
        Decoder = RegisterModule("decoder", new QrnnCell(decoderCircuit, embedding + keys, hidden, activation, dropout, DType.Float32, generator, checkpointInterval));
        Attention = RegisterModule("attention", new AdditiveAttention(Decoder.ReadoutSize, keys, attention, generator));
        Bridge = RegisterModule("bridge", new Linear(keys, Decoder.ReadoutSize, generator: generator));
        Output = RegisterModule("output", new Linear(Decoder.ReadoutSize + keys, targetVocabulary, generator: generator));
        TargetVocabulary = targetVocabulary;
    }

    public Embedding SourceEmbedding { get; }
    public Embedding TargetEmbedding { get; }
    public QrnnCell Encoder { get; }
    public QrnnCell Decoder { get; }
    public AdditiveAttention Attention { get; }
    public Linear Bridge { get; }
    public Linear Output { get; }
    public int TargetVocabulary { get; }

    /// <summary>The encoder's readouts [B, S, R], their attention projection, and the first decoder feedback.</summary>
    public EncodedSource Encode(Tensor source, Tensor mask)
    {
        if (source.Dim != 2 || mask.Dim != 2 || source.Size(0) != mask.Size(0) || source.Size(1) != mask.Size(1))
        {
            throw new ArgumentException($"source [{string.Join(", ", source.Shape)}] and mask [{string.Join(", ", mask.Shape)}] must both be [batch, source length].", nameof(mask));
        }

        var keys = Torch.Stack(Encoder.Forward(SourceEmbedding.Forward(source)), dim: 1);
        var first = Functional.Tanh(Bridge.Forward(keys.Select(1, keys.Size(1) - 1)));
        return new EncodedSource(keys, Attention.ProjectKeys(keys), mask, first);
    }

    /// <summary>Teacher forcing: source [B, S], mask [B, S], decoder inputs [B, T] (starting with BOS) → logits [B, T, V].</summary>
    public Tensor Forward(Tensor source, Tensor mask, Tensor decoderInputs)
    {
        var encoded = Encode(source, mask);
        var sequence = Decoder.Memory.Begin(source.Size(0));
        var z = encoded.FirstFeedback;
        var embedded = TargetEmbedding.Forward(decoderInputs);
        var logits = new List<Tensor>(decoderInputs.Size(1));
        for (int t = 0; t < decoderInputs.Size(1); t++)
        {
            (var step, z) = DecodeStep(encoded, sequence, z, embedded.Select(1, t));
            logits.Add(step);
        }

        return Torch.Stack(logits, dim: 1);
    }

    internal (Tensor Logits, Tensor Readout) DecodeStep(EncodedSource encoded, QuantumSequence sequence, Tensor previous, Tensor embeddedInput)
    {
        var (context, _) = Attention.Attend(previous, encoded.Keys, encoded.ProjectedKeys, encoded.Mask);
        var z = Decoder.Step(sequence, previous, Torch.Cat(new[] { embeddedInput, context }, dim: 1));
        return (Output.Forward(Torch.Cat(new[] { z, context }, dim: 1)), z);
    }
}

/// <summary>What decoding needs from the source: per-step keys, their projection, the padding mask, and the decoder's first feedback.</summary>
public sealed record EncodedSource(Tensor Keys, Tensor ProjectedKeys, Tensor Mask, Tensor FirstFeedback)
{
    /// <summary>Repeats every example <paramref name="times"/> in a row, for beam search.</summary>
    public EncodedSource Repeat(int times)
    {
        var rows = Enumerable.Range(0, Keys.Size(0)).SelectMany(b => Enumerable.Repeat((long)b, times)).ToArray();
        var index = Torch.Tensor(rows, rows.Length);
        return new EncodedSource(Keys.IndexSelect(0, index), ProjectedKeys.IndexSelect(0, index), Mask.IndexSelect(0, index), FirstFeedback.IndexSelect(0, index));
    }
}
