using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Sequence;

/// <summary>A per-step tagger (the copying-memory task): logits at every step (<c>encoder.*</c>, <c>head.*</c>).</summary>
public sealed class SequenceTagger : Module<Tensor, Tensor>
{
    public SequenceTagger(SequenceEncoder encoder, int classes, DType dtype = DType.Float32, Generator? generator = null)
    {
        Encoder = RegisterModule("encoder", encoder);
        Head = RegisterModule("head", new Linear(encoder.OutputSize, classes, dtype: dtype, generator: generator));
    }

    public SequenceEncoder Encoder { get; }
    public Linear Head { get; }

    /// <summary>x [B, T, F] → logits [B, T, classes].</summary>
    public override Tensor Forward(Tensor x) => Head.Forward(Encoder.Forward(x));
}
