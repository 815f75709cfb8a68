using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Translation;

/// <summary>
/// An attention sequence-to-sequence model as <see cref="BeamSearch"/> and the translation task see it: encode a
/// padded source once, then decode step by step from a <see cref="DecoderState"/>. The QRNN
/// (<see cref="QrnnSeq2Seq"/>) and the classical baselines (<see cref="RecurrentSeq2Seq"/>) share this shape and
/// their heads (Bahdanau attention, a bridge from the source's last real token, logits from (state : context)).
/// </summary>
public abstract class Seq2SeqModel : Module
{
    public abstract int TargetVocabulary { get; }
    public abstract Embedding SourceEmbedding { get; }
    public abstract Embedding TargetEmbedding { get; }

    /// <summary>The encoder's per-step outputs [B, S, K], their attention projection, the mask, and the decoder's first query.</summary>
    public abstract EncodedSource Encode(Tensor source, Tensor mask);

    /// <summary>The decoder's state before its first step, for every row of <paramref name="encoded"/>.</summary>
    public abstract DecoderState BeginDecoding(EncodedSource encoded);

    /// <summary>One decoder step: the embedded previous target token [B, E] → logits [B, V] and the next state.</summary>
    public abstract (Tensor Logits, DecoderState State) DecodeStep(EncodedSource encoded, DecoderState state, Tensor embeddedInput);

    /// <summary>Teacher forcing: source [B, S], mask [B, S], decoder inputs [B, T] (starting with BOS) → logits [B, T, V].</summary>
    public Tensor Forward(Tensor source, Tensor mask, Tensor decoderInputs)
    {
        var encoded = Encode(source, mask);
        var state = BeginDecoding(encoded);
        var embedded = TargetEmbedding.Forward(decoderInputs).Unbind(1);
        var logits = new List<Tensor>(decoderInputs.Size(1));
        for (int t = 0; t < decoderInputs.Size(1); t++)
        {
            (var step, state) = DecodeStep(encoded, state, embedded[t]);
            logits.Add(step);
        }

        return Torch.Stack(logits, dim: 1);
    }

    /// <summary>Checks that source and mask are both [batch, source length].</summary>
    protected static void CheckSource(Tensor source, Tensor mask)
    {
        if (source.Dim != 2 || mask.Dim != 2 || source.Size(0) != mask.Size(0) || source.Size(1) != mask.Size(1))
        {
            throw new ArgumentException($"source [{string.Join(", ", source.Shape)}] and mask [{string.Join(", ", mask.Shape)}] must both be [batch, source length].", nameof(mask));
        }
    }

    /// <summary>Each row's encoder output at its last real source token [B, K] (not at the padded end).</summary>
    protected static Tensor LastRealStep(Tensor keys, Tensor mask) => (keys * TextClassifier.LastTokenSelector(mask).Unsqueeze(-1)).Sum(1);
}

/// <summary>
/// Where a decoder stands: <see cref="Query"/> is what attends over the source at the next step (the previous
/// readout or hidden state). <see cref="Reorder"/> keeps rows in the given order, for beam search.
/// </summary>
public abstract class DecoderState
{
    public abstract Tensor Query { get; }

    public abstract DecoderState Reorder(int[] rows);

    protected static Tensor Rows(Tensor t, int[] rows) => t.IndexSelect(0, Torch.Tensor(rows.Select(r => (long)r).ToArray(), rows.Length));
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
