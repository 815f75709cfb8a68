using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

// torch.* functions that combine tensors (the per-tensor ones are methods on Tensor).
public static partial class Torch
{
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0) => JoinOps.Cat(tensors, dim);
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => JoinOps.Stack(tensors, dim);
    public static Tensor MatMul(Tensor a, Tensor b) => MatMulOps.MatMul(a, b);
    public static Tensor Maximum(Tensor a, Tensor b) => BinaryOps.Maximum(a, b);
    public static Tensor Gather(Tensor input, int dim, Tensor index) => IndexingOps.Gather(input, dim, index);
    public static Tensor IndexSelect(Tensor input, int dim, Tensor index) => IndexingOps.IndexSelect(input, dim, index);
    public static Tensor Exp(Tensor x) => x.Exp();
    public static Tensor Log(Tensor x) => x.Log();
    public static Tensor Sqrt(Tensor x) => x.Sqrt();
    public static Tensor Tanh(Tensor x) => x.Tanh();
    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();
    public static Tensor Sum(Tensor x) => x.Sum();
    public static Tensor Mean(Tensor x) => x.Mean();
    public static Tensor LogSumExp(Tensor x, int dim, bool keepdim = false) => x.LogSumExp(dim, keepdim);
    public static Tensor Softmax(Tensor x, int dim) => x.Softmax(dim);

    /// <summary>True when both have the same shape and every pair satisfies |a − b| ≤ atol + rtol·|b| (torch.allclose).</summary>
    public static bool AllClose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8)
    {
        if (!ShapeUtils.SameShape(a.ShapeArray, b.ShapeArray)) return false;
        var x = a.ToArray<double>();
        var y = b.ToArray<double>();
        for (var i = 0; i < x.Length; i++)
            if (!(Math.Abs(x[i] - y[i]) <= atol + rtol * Math.Abs(y[i]))) return false;
        return true;
    }
}
