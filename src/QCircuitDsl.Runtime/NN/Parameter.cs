using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>
/// A tensor registered as a trainable module parameter (torch.nn.Parameter): a contiguous leaf that requires grad by
/// default. It shares storage with the tensor it was built from.
/// </summary>
public sealed class Parameter : Tensor
{
    public Parameter(Tensor data, bool requiresGrad = true) : base(Prepare(data))
    {
        RequiresGrad = requiresGrad;
    }

    private static Tensor Prepare(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsFloatingPoint) throw new ArgumentException($"Parameter: only floating point tensors can be parameters (got {data.DType.Name()})");
        // Optimizers update parameters as flat spans, so parameters always own a contiguous layout.
        return StridedCopy.ToContiguous(data.Detach());
    }

    public override string ToString() => "Parameter containing:\n" + base.ToString();
}
