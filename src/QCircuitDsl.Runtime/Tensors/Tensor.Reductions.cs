using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

// Reductions and normalisers along dims. Implementations live in Ops/ReductionOps and Ops/SoftmaxOps.
public partial class Tensor
{
    /// <summary>Sum of all elements (0-d result).</summary>
    public Tensor Sum() => ReductionOps.Sum(this, null, false);
    public Tensor Sum(int dim, bool keepdim = false) => ReductionOps.Sum(this, [dim], keepdim);
    public Tensor Sum(int[] dims, bool keepdim = false) => ReductionOps.Sum(this, dims, keepdim);

    public Tensor Mean() => ReductionOps.Mean(this, null, false);
    public Tensor Mean(int dim, bool keepdim = false) => ReductionOps.Mean(this, [dim], keepdim);
    public Tensor Mean(int[] dims, bool keepdim = false) => ReductionOps.Mean(this, dims, keepdim);

    /// <summary>Maximum of all elements (0-d result).</summary>
    public Tensor Max() => ReductionOps.Max(this);

    /// <summary>Maximum along dim: values and int64 indices, like torch.max(x, dim).</summary>
    public (Tensor Values, Tensor Indices) Max(int dim, bool keepdim = false) => ReductionOps.Max(this, dim, keepdim);

    public Tensor Min() => ReductionOps.Min(this);
    public (Tensor Values, Tensor Indices) Min(int dim, bool keepdim = false) => ReductionOps.Min(this, dim, keepdim);

    public Tensor Argmax(int dim, bool keepdim = false) => ReductionOps.Max(this.Detach(), dim, keepdim).Indices;

    public Tensor LogSumExp(int dim, bool keepdim = false) => ReductionOps.LogSumExp(this, [dim], keepdim);
    public Tensor LogSumExp(int[] dims, bool keepdim = false) => ReductionOps.LogSumExp(this, dims, keepdim);

    public Tensor Softmax(int dim) => SoftmaxOps.Softmax(this, dim);
    public Tensor LogSoftmax(int dim) => SoftmaxOps.LogSoftmax(this, dim);
}
