using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Sequence;

/// <summary>
/// Maps a batch of sequences x [B, T, F] to per-step features [B, T, H]. The QRNN and the classical
/// baselines (RNN, LSTM, GRU) all implement it, so every task head works with every model.
/// </summary>
public abstract class SequenceEncoder : Module<Tensor, Tensor>
{
    public abstract int InputSize { get; }

    /// <summary>H: features per step.</summary>
    public abstract int OutputSize { get; }

    /// <summary>
    /// The features of the last step only, [B, H]. Encoders that can avoid materialising every step (the
    /// QRNN's fused recurrence) override it; a classifier needs nothing else.
    /// </summary>
    public virtual Tensor ForwardLast(Tensor x)
    {
        var features = Forward(x);
        return features.Select(1, features.Size(1) - 1);
    }

    /// <summary>Parameters, excluding any embedding (the papers count them that way).</summary>
    public long ParameterCount => Parameters().Sum(p => (long)p.Numel);
}
