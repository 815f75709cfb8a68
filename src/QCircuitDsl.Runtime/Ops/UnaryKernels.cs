using System.Numerics;
using System.Numerics.Tensors;
using Tensor = QCircuitDsl.Runtime.Tensors.Tensor;

namespace QCircuitDsl.Runtime.Ops;

// Forward kernels of pointwise functions. Vectorised through TensorPrimitives where it has the function; the rest are
// scalar loops the JIT specialises per element type.

internal readonly struct NegKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Negate(x, y);
}

internal readonly struct ExpKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Exp(x, y);
}

internal readonly struct LogKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Log(x, y);
}

internal readonly struct SqrtKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sqrt(x, y);
}

internal readonly struct TanhKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Tanh(x, y);
}

internal readonly struct SigmoidKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sigmoid(x, y);
}

internal readonly struct SinKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sin(x, y);
}

internal readonly struct CosKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Cos(x, y);
}

internal readonly struct AbsKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Abs(x, y);
}

internal readonly struct ReluKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Written out (not TensorPrimitives.Max) so NaN propagates exactly like PyTorch's relu.
        for (var i = 0; i < x.Length; i++) y[i] = x[i] > T.Zero || T.IsNaN(x[i]) ? x[i] : T.Zero;
    }
}

internal readonly struct LeakyReluKernel(double slope) : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = T.CreateTruncating(slope);
        for (var i = 0; i < x.Length; i++) y[i] = x[i] > T.Zero ? x[i] : x[i] * s;
    }
}

/// <summary>Powers by a constant; squares use a multiply for speed and exactness.</summary>
internal readonly struct PowScalarKernel(double exponent) : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (exponent == 2) TensorPrimitives.Multiply(x, x, y);
        else if (exponent == 1) x.CopyTo(y);
        else if (exponent == 0.5) TensorPrimitives.Sqrt(x, y);
        else TensorPrimitives.Pow(x, T.CreateTruncating(exponent), y);
    }
}

/// <summary>GELU. Exact form x·Φ(x) = 0.5x(1 + erf(x/√2)) (PyTorch's default) or the tanh approximation.</summary>
internal readonly struct GeluKernel(bool tanhApproximation) : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // float32 uses a 1.5e-7-accurate erf (below float resolution); float64 uses the full-precision one.
        var single = typeof(T) == typeof(float);
        for (var i = 0; i < x.Length; i++)
        {
            var v = double.CreateTruncating(x[i]);
            y[i] = T.CreateTruncating(tanhApproximation ? Gelu.TanhForward(v) : Gelu.ErfForward(v, single));
        }
    }
}

internal readonly struct SiluKernel : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Sigmoid(x, y);
        TensorPrimitives.Multiply(x, y, y);
    }
}

/// <summary>softplus(x) = log(1 + exp(βx))/β, and x itself where βx &gt; threshold (PyTorch's overflow guard).</summary>
internal readonly struct SoftplusKernel(double beta, double threshold) : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var b = T.CreateTruncating(beta);
        var th = T.CreateTruncating(threshold);
        for (var i = 0; i < x.Length; i++)
        {
            var bx = x[i] * b;
            y[i] = bx > th ? x[i] : T.LogP1(T.Exp(bx)) / b;
        }
    }
}

internal readonly struct ClampKernel(double min, double max) : IUnaryKernel
{
    public void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lo = T.CreateTruncating(min), hi = T.CreateTruncating(max);
        for (var i = 0; i < x.Length; i++) y[i] = x[i] < lo ? lo : x[i] > hi ? hi : x[i];
    }
}

/// <summary>Scalar GELU formulas in double precision, shared by forward and backward.</summary>
internal static class Gelu
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;
    private const double SqrtTwoOverPi = 0.79788456080286535588;
    private const double Coefficient = 0.044715;

    public static double ErfForward(double x, bool single) => 0.5 * x * (1 + Erf(x * InvSqrt2, single));

    /// <summary>d/dx x·Φ(x) = Φ(x) + x·φ(x).</summary>
    public static double ErfDerivative(double x, bool single) =>
        0.5 * (1 + Erf(x * InvSqrt2, single)) + x * InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    private static double Erf(double x, bool single) => single ? SpecialFunctions.ErfSingle(x) : SpecialFunctions.Erf(x);

    public static double TanhForward(double x) => 0.5 * x * (1 + Math.Tanh(SqrtTwoOverPi * (x + Coefficient * x * x * x)));

    public static double TanhDerivative(double x)
    {
        var inner = SqrtTwoOverPi * (x + Coefficient * x * x * x);
        var t = Math.Tanh(inner);
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SqrtTwoOverPi * (1 + 3 * Coefficient * x * x);
    }
}
