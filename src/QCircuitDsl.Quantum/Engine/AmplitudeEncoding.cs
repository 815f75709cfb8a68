using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Amplitude encoding ψ_j = x_j/‖x‖ (j &lt; L, zero beyond) and its backward pass. Norms and dot products are
/// accumulated in double. A zero (or non-finite) norm cannot be encoded and is reported by the caller.
/// </summary>
internal static class AmplitudeEncoding
{
    /// <summary>‖x‖ in double.</summary>
    public static double Norm<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T v in x)
        {
            double d = double.CreateTruncating(v);
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>Writes the encoded state of one sample (imaginary parts zero).</summary>
    public static void Encode<T>(ReadOnlySpan<T> x, double norm, Span<T> re, Span<T> im) where T : unmanaged, IFloatingPointIeee754<T>
    {
        re.Clear();
        im.Clear();
        for (int j = 0; j < x.Length; j++)
            re[j] = T.CreateTruncating(double.CreateTruncating(x[j]) / norm);
    }

    /// <summary>
    /// ∂L/∂x_j = (Re g_j − ψ_j Σ_k ψ_k Re g_k)/‖x‖ with ψ = x/‖x‖ (only the real part of g matters because the
    /// encoded amplitudes are real; the normalisation removes the radial component).
    /// </summary>
    public static void Backward<T>(ReadOnlySpan<T> x, double norm, ReadOnlySpan<T> gre, Span<T> gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double dot = 0;
        for (int k = 0; k < x.Length; k++)
            dot += double.CreateTruncating(x[k]) / norm * double.CreateTruncating(gre[k]);
        for (int j = 0; j < x.Length; j++)
        {
            double psi = double.CreateTruncating(x[j]) / norm;
            gradient[j] = T.CreateTruncating((double.CreateTruncating(gre[j]) - psi * dot) / norm);
        }
    }
}
