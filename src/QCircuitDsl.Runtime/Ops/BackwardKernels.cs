using System.Numerics;

namespace QCircuitDsl.Runtime.Ops;

// Gradient formulas of pointwise functions: Run(saved, gradOutput, gradInput). "saved" is the forward input x or the
// forward output y, whichever gives the cheaper formula.

/// <summary>relu'(x)·g: passes g where x &gt; 0.</summary>
internal readonly struct ReluBackwardKernel : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++) y[i] = x[i] > T.Zero ? g[i] : T.Zero;
    }
}

internal readonly struct LeakyReluBackwardKernel(double slope) : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = T.CreateTruncating(slope);
        for (var i = 0; i < y.Length; i++) y[i] = x[i] > T.Zero ? g[i] : g[i] * s;
    }
}

/// <summary>tanh: (1 - y²)·g from the output y.</summary>
internal readonly struct TanhBackwardKernel : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> yv, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++) y[i] = g[i] * (T.One - yv[i] * yv[i]);
    }
}

/// <summary>sigmoid: y(1 - y)·g from the output y.</summary>
internal readonly struct SigmoidBackwardKernel : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> yv, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++) y[i] = g[i] * yv[i] * (T.One - yv[i]);
    }
}

internal readonly struct GeluBackwardKernel(bool tanhApproximation) : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var single = typeof(T) == typeof(float);
        for (var i = 0; i < y.Length; i++)
        {
            var v = double.CreateTruncating(x[i]);
            var d = tanhApproximation ? Gelu.TanhDerivative(v) : Gelu.ErfDerivative(v, single);
            y[i] = g[i] * T.CreateTruncating(d);
        }
    }
}

/// <summary>silu: s(1 + x(1 - s))·g with s = sigmoid(x).</summary>
internal readonly struct SiluBackwardKernel : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++)
        {
            var s = T.One / (T.One + T.Exp(-x[i]));
            y[i] = g[i] * s * (T.One + x[i] * (T.One - s));
        }
    }
}

/// <summary>softplus: sigmoid(βx)·g, and g itself in the linear region.</summary>
internal readonly struct SoftplusBackwardKernel(double beta, double threshold) : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var b = T.CreateTruncating(beta);
        var th = T.CreateTruncating(threshold);
        for (var i = 0; i < y.Length; i++)
        {
            var bx = x[i] * b;
            y[i] = bx > th ? g[i] : g[i] / (T.One + T.Exp(-bx));
        }
    }
}

/// <summary>clamp: passes g where min ≤ x ≤ max.</summary>
internal readonly struct ClampBackwardKernel(double min, double max) : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lo = T.CreateTruncating(min), hi = T.CreateTruncating(max);
        for (var i = 0; i < y.Length; i++) y[i] = x[i] >= lo && x[i] <= hi ? g[i] : T.Zero;
    }
}

/// <summary>abs: sign(x)·g (0 at x = 0, like PyTorch).</summary>
internal readonly struct AbsBackwardKernel : IZipKernel
{
    public void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < y.Length; i++) y[i] = x[i] > T.Zero ? g[i] : x[i] < T.Zero ? -g[i] : T.Zero;
    }
}
