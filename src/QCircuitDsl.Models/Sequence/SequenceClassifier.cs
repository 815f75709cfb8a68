using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Sequence;

/// <summary>A sequence classifier: an encoder, then an affine map of its last step to logits (<c>encoder.*</c>, <c>head.*</c>).</summary>
public sealed class SequenceClassifier : Module<Tensor, Tensor>
{
    public SequenceClassifier(SequenceEncoder encoder, int classes, DType dtype = DType.Float32, Generator? generator = null)
    {
        Encoder = RegisterModule("encoder", encoder);
        Head = RegisterModule("head", new Linear(encoder.OutputSize, classes, dtype: dtype, generator: generator));
    }

    public SequenceEncoder Encoder { get; }
    public Linear Head { get; }

    /// <summary>x [B, T, F] → logits [B, classes].</summary>
    public override Tensor Forward(Tensor x) => Head.Forward(Encoder.ForwardLast(x));
}
