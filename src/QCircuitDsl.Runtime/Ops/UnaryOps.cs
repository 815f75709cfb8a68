using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Differentiable pointwise functions of one tensor. Each records a node whose closure holds only what its
/// gradient formula needs (the input or the output).</summary>
internal static class UnaryOps
{
    public static Tensor Neg(Tensor x)
    {
        var y = Elementwise.Map(x, new NegKernel(), "neg");
        AutogradRecorder.Record("NegBackward", y, [x], g => [Neg(g)]);
        return y;
    }

    public static Tensor Exp(Tensor x)
    {
        var y = Elementwise.Map(x, new ExpKernel(), "exp");
        AutogradRecorder.Record("ExpBackward", y, [x], g => [BinaryOps.Mul(g, y)]);
        return y;
    }

    public static Tensor Log(Tensor x)
    {
        var y = Elementwise.Map(x, new LogKernel(), "log");
        AutogradRecorder.Record("LogBackward", y, [x], g => [BinaryOps.Div(g, x)]);
        return y;
    }

    public static Tensor Sqrt(Tensor x)
    {
        var y = Elementwise.Map(x, new SqrtKernel(), "sqrt");
        AutogradRecorder.Record("SqrtBackward", y, [x], g => [BinaryOps.Div(g, BinaryOps.Mul(y, 2.0))]);
        return y;
    }

    public static Tensor Sin(Tensor x)
    {
        var y = Elementwise.Map(x, new SinKernel(), "sin");
        AutogradRecorder.Record("SinBackward", y, [x], g => [BinaryOps.Mul(g, Cos(x))]);
        return y;
    }

    public static Tensor Cos(Tensor x)
    {
        var y = Elementwise.Map(x, new CosKernel(), "cos");
        AutogradRecorder.Record("CosBackward", y, [x], g => [Neg(BinaryOps.Mul(g, Sin(x)))]);
        return y;
    }

    public static Tensor Abs(Tensor x)
    {
        var y = Elementwise.Map(x, new AbsKernel(), "abs");
        AutogradRecorder.Record("AbsBackward", y, [x], g => [Elementwise.Zip(x, g, new AbsBackwardKernel(), "abs_backward")]);
        return y;
    }

    public static Tensor Pow(Tensor x, double exponent)
    {
        var y = Elementwise.Map(x, new PowScalarKernel(exponent), "pow");
        AutogradRecorder.Record("PowBackward", y, [x], g =>
            exponent == 0 ? [Torch.ZerosLike(x)] : [BinaryOps.Mul(g, BinaryOps.Mul(Pow(x, exponent - 1), exponent))]);
        return y;
    }

    public static Tensor Tanh(Tensor x)
    {
        var y = Elementwise.Map(x, new TanhKernel(), "tanh");
        AutogradRecorder.Record("TanhBackward", y, [x], g => [Elementwise.Zip(y, g, new TanhBackwardKernel(), "tanh_backward")]);
        return y;
    }

    public static Tensor Sigmoid(Tensor x)
    {
        var y = Elementwise.Map(x, new SigmoidKernel(), "sigmoid");
        AutogradRecorder.Record("SigmoidBackward", y, [x], g => [Elementwise.Zip(y, g, new SigmoidBackwardKernel(), "sigmoid_backward")]);
        return y;
    }

    public static Tensor Relu(Tensor x)
    {
        var y = Elementwise.Map(x, new ReluKernel(), "relu");
        AutogradRecorder.Record("ReluBackward", y, [x], g => [Elementwise.Zip(x, g, new ReluBackwardKernel(), "relu_backward")]);
        return y;
    }

    public static Tensor LeakyRelu(Tensor x, double negativeSlope)
    {
        var y = Elementwise.Map(x, new LeakyReluKernel(negativeSlope), "leaky_relu");
        AutogradRecorder.Record("LeakyReluBackward", y, [x],
            g => [Elementwise.Zip(x, g, new LeakyReluBackwardKernel(negativeSlope), "leaky_relu_backward")]);
        return y;
    }

    /// <summary>approximate: "none" (exact erf form, PyTorch's default) or "tanh".</summary>
    public static Tensor Gelu(Tensor x, string approximate)
    {
        var tanh = approximate switch
        {
            "none" => false,
            "tanh" => true,
            _ => throw new ArgumentException($"gelu: approximate must be \"none\" or \"tanh\", got \"{approximate}\""),
        };
        var y = Elementwise.Map(x, new GeluKernel(tanh), "gelu");
        AutogradRecorder.Record("GeluBackward", y, [x], g => [Elementwise.Zip(x, g, new GeluBackwardKernel(tanh), "gelu_backward")]);
        return y;
    }

    public static Tensor Silu(Tensor x)
    {
        var y = Elementwise.Map(x, new SiluKernel(), "silu");
        AutogradRecorder.Record("SiluBackward", y, [x], g => [Elementwise.Zip(x, g, new SiluBackwardKernel(), "silu_backward")]);
        return y;
    }

    public static Tensor Softplus(Tensor x, double beta, double threshold)
    {
        var y = Elementwise.Map(x, new SoftplusKernel(beta, threshold), "softplus");
        AutogradRecorder.Record("SoftplusBackward", y, [x],
            g => [Elementwise.Zip(x, g, new SoftplusBackwardKernel(beta, threshold), "softplus_backward")]);
        return y;
    }

    public static Tensor Clamp(Tensor x, double min, double max)
    {
        if (min > max) throw new ArgumentException($"clamp: min ({min}) must not exceed max ({max})");
        var y = Elementwise.Map(x, new ClampKernel(min, max), "clamp");
        AutogradRecorder.Record("ClampBackward", y, [x], g => [Elementwise.Zip(x, g, new ClampBackwardKernel(min, max), "clamp_backward")]);
        return y;
    }
}
