using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Differentiable broadcasting arithmetic. Gradients of broadcast operands are summed back to their shapes.</summary>
internal static class BinaryOps
{
    public static Tensor Add(Tensor a, Tensor b)
    {
        var y = Elementwise.Broadcast(a, b, new AddKernel(), "add");
        AutogradRecorder.Record("AddBackward", y, [a, b], g => [ReductionOps.SumToShape(g, a.ShapeArray), ReductionOps.SumToShape(g, b.ShapeArray)]);
        return y;
    }

    public static Tensor Sub(Tensor a, Tensor b)
    {
        var y = Elementwise.Broadcast(a, b, new SubKernel(), "sub");
        AutogradRecorder.Record("SubBackward", y, [a, b], g =>
            [ReductionOps.SumToShape(g, a.ShapeArray), b.RequiresGrad ? ReductionOps.SumToShape(UnaryOps.Neg(g), b.ShapeArray) : null]);
        return y;
    }

    public static Tensor Mul(Tensor a, Tensor b)
    {
        var y = Elementwise.Broadcast(a, b, new MulKernel(), "mul");
        AutogradRecorder.Record("MulBackward", y, [a, b], g =>
        [
            a.RequiresGrad ? ReductionOps.SumToShape(Mul(g, b), a.ShapeArray) : null,
            b.RequiresGrad ? ReductionOps.SumToShape(Mul(g, a), b.ShapeArray) : null,
        ]);
        return y;
    }

    public static Tensor Div(Tensor a, Tensor b)
    {
        var y = Elementwise.Broadcast(a, b, new DivKernel(), "div");
        AutogradRecorder.Record("DivBackward", y, [a, b], g =>
        [
            a.RequiresGrad ? ReductionOps.SumToShape(Div(g, b), a.ShapeArray) : null,
            // d(a/b)/db = -a/b² = -y/b
            b.RequiresGrad ? ReductionOps.SumToShape(UnaryOps.Neg(Div(Mul(g, y), b)), b.ShapeArray) : null,
        ]);
        return y;
    }

    public static Tensor Pow(Tensor a, Tensor b)
    {
        var y = Elementwise.Broadcast(a, b, new PowKernel(), "pow");
        AutogradRecorder.Record("PowBackward", y, [a, b], g =>
        [
            a.RequiresGrad ? ReductionOps.SumToShape(Mul(g, Mul(b, Pow(a, Sub(b, Scalar(1.0, b))))), a.ShapeArray) : null,
            b.RequiresGrad ? ReductionOps.SumToShape(Mul(g, Mul(y, UnaryOps.Log(a))), b.ShapeArray) : null,
        ]);
        return y;
    }

    public static Tensor Maximum(Tensor a, Tensor b)
    {
        var y = Elementwise.Broadcast(a, b, new MaximumKernel(), "maximum");
        AutogradRecorder.Record("MaximumBackward", y, [a, b], g =>
        {
            // Ties split the gradient evenly, as in PyTorch.
            var aWins = Elementwise.Broadcast(a, b, new GreaterKernel(), "maximum_backward");
            var tie = Elementwise.Broadcast(a, b, new EqualKernel(), "maximum_backward");
            var wa = Add(aWins, Mul(tie, 0.5));
            var wb = Sub(Scalar(1.0, wa), wa);
            return [ReductionOps.SumToShape(Mul(g, wa), a.ShapeArray), ReductionOps.SumToShape(Mul(g, wb), b.ShapeArray)];
        });
        return y;
    }

    public static Tensor Add(Tensor a, double b) => Add(a, Scalar(b, a));
    public static Tensor Sub(Tensor a, double b) => Sub(a, Scalar(b, a));
    public static Tensor Mul(Tensor a, double b) => Mul(a, Scalar(b, a));
    public static Tensor Div(Tensor a, double b) => Div(a, Scalar(b, a));

    /// <summary>A 0-d constant with the dtype of <paramref name="like"/> (scalars never promote a tensor's dtype).</summary>
    public static Tensor Scalar(double value, Tensor like) =>
        Torch.Scalar(value, like.DType.IsFloatingPoint() ? like.DType : DType.Float32);

    /// <summary>Float mask a &gt; b (not differentiable).</summary>
    public static Tensor Greater(Tensor a, Tensor b) => Elementwise.Broadcast(a, b, new GreaterKernel(), "gt");

    /// <summary>Float mask a == b (not differentiable).</summary>
    public static Tensor Equal(Tensor a, Tensor b) => Elementwise.Broadcast(a, b, new EqualKernel(), "eq");
}
