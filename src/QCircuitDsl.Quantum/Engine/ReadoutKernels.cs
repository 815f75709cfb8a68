using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// A Pauli string P as bit masks: P|i⟩ = i^{YCount}·(−1)^{popcount(i &amp; SignMask)}·|i ⊕ FlipMask⟩,
/// from X|b⟩ = |1−b⟩, Y|b⟩ = i(−1)^b|1−b⟩, Z|b⟩ = (−1)^b|b⟩. One representation serves single-axis
/// expectations and whole Pauli strings.
/// </summary>
internal readonly record struct PauliMasks(int FlipMask, int SignMask, int YCount)
{
    public static PauliMasks From(ReadOnlySpan<char> axes, ReadOnlySpan<int> qubits, int qubitCount)
    {
        int flip = 0, sign = 0, y = 0;
        for (int k = 0; k < axes.Length; k++)
        {
            int mask = 1 << (qubitCount - 1 - qubits[k]);
            switch (axes[k])
            {
                case 'x': flip |= mask; break;
                case 'y': flip |= mask; sign |= mask; y++; break;
                case 'z': sign |= mask; break;
            }
        }
        return new PauliMasks(flip, sign, y);
    }

    /// <summary>i^{YCount} as (re, im).</summary>
    public (double Re, double Im) GlobalPhase => (YCount & 3) switch
    {
        0 => (1, 0),
        1 => (0, 1),
        2 => (-1, 0),
        _ => (0, -1),
    };
}

/// <summary>
/// Readout values and their vector-Jacobian products. All readouts are quadratic forms ⟨ψ|O|ψ⟩ with Hermitian O
/// (or, for the state readout, ψ itself), so the backward pass writes g = Σ_r 2·u_r·O_r ψ into the adjoint.
/// Sums accumulate in double.
/// </summary>
internal static class ReadoutKernels
{
    /// <summary>⟨ψ|P|ψ⟩ = Σ_i Re(conj(ψ_{i⊕f}) · phase(i) · ψ_i).</summary>
    public static double PauliExpectation<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, PauliMasks p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (cr, ci) = p.GlobalPhase;
        double sum = 0;
        for (int i = 0; i < re.Length; i++)
        {
            double s = (BitOperations.PopCount((uint)(i & p.SignMask)) & 1) == 0 ? 1 : -1;
            double ar = double.CreateTruncating(re[i]), ai = double.CreateTruncating(im[i]);
            double zr = s * (cr * ar - ci * ai), zi = s * (cr * ai + ci * ar);
            int j = i ^ p.FlipMask;
            sum += double.CreateTruncating(re[j]) * zr + double.CreateTruncating(im[j]) * zi;
        }
        return sum;
    }

    /// <summary>g += weight · Pψ, i.e. g_{i⊕f} += weight · phase(i) · ψ_i.</summary>
    public static void PauliAccumulate<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, PauliMasks p, double weight, Span<T> gre, Span<T> gim)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (weight == 0) return;
        var (cr, ci) = p.GlobalPhase;
        for (int i = 0; i < re.Length; i++)
        {
            double s = (BitOperations.PopCount((uint)(i & p.SignMask)) & 1) == 0 ? weight : -weight;
            double ar = double.CreateTruncating(re[i]), ai = double.CreateTruncating(im[i]);
            int j = i ^ p.FlipMask;
            gre[j] += T.CreateTruncating(s * (cr * ar - ci * ai));
            gim[j] += T.CreateTruncating(s * (cr * ai + ci * ar));
        }
    }

    /// <summary>Outcome index of basis state <paramref name="i"/> on the listed qubit masks (first mask most significant).</summary>
    public static int Outcome(int i, ReadOnlySpan<int> masks)
    {
        int j = 0;
        foreach (int m in masks) j = (j << 1) | ((i & m) != 0 ? 1 : 0);
        return j;
    }

    /// <summary>probs[j] = Σ_{i ∈ outcome j} |ψ_i|².</summary>
    public static void Probabilities<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, ReadOnlySpan<int> masks, Span<double> probs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        probs.Clear();
        for (int i = 0; i < re.Length; i++)
        {
            double ar = double.CreateTruncating(re[i]), ai = double.CreateTruncating(im[i]);
            probs[Outcome(i, masks)] += ar * ar + ai * ai;
        }
    }

    /// <summary>g_i += 2·u_{j(i)}·ψ_i.</summary>
    public static void ProbabilitiesAccumulate<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, ReadOnlySpan<int> masks, ReadOnlySpan<T> upstream, Span<T> gre, Span<T> gim)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.CreateTruncating(2.0);
        for (int i = 0; i < re.Length; i++)
        {
            T w = two * upstream[Outcome(i, masks)];
            gre[i] += w * re[i];
            gim[i] += w * im[i];
        }
    }
}
