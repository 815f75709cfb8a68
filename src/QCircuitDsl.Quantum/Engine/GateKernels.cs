using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Applies a dense 2×2 / 4×4 gate matrix to one sample's state in split (re, im) layout, restricted to the
/// basis states where every control bit is set, and computes the restricted inner products Re⟨g|M|ψ⟩ the
/// adjoint method needs.
/// </summary>
/// <remarks>
/// Masks are precomputed per op (qubit k ↔ bit 1 &lt;&lt; (n−1−k)). The loops enumerate the 2^(n−1) (or 2^(n−2))
/// base indices with the target bit(s) cleared by inserting zero bits into a counter, then skip bases whose
/// controls are not all set. This is the simple, always-correct form; specialised kernels can come later.
/// State arithmetic runs in T; inner products accumulate in double so float gradients stay accurate.
/// </remarks>
internal static class GateKernels
{
    /// <summary>Inserts a zero bit at the (single-bit) <paramref name="mask"/> position of <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int InsertZero(int k, int mask)
    {
        int low = mask - 1;
        return ((k & ~low) << 1) | (k & low);
    }

    /// <summary>Converts a double complex matrix to split T arrays.</summary>
    public static void ToSplit<T>(ReadOnlySpan<Complex> m, Span<T> mr, Span<T> mi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < m.Length; k++)
        {
            mr[k] = T.CreateTruncating(m[k].Real);
            mi[k] = T.CreateTruncating(m[k].Imaginary);
        }
    }

    /// <summary>ψ ← M ψ on one target (2×2 matrix, split re/im), where all control bits are set.</summary>
    /// <remarks>
    /// Walks blocks of 2·target amplitudes (pairs (i, i+target) inside each block) instead of inserting bits
    /// per index, and uses unchecked refs: the spans are validated by the caller to be exactly 2^n long.
    /// </remarks>
    public static void Apply1<T>(Span<T> re, Span<T> im, int target, int control, ReadOnlySpan<T> mr, ReadOnlySpan<T> mi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T m00r = mr[0], m00i = mi[0], m01r = mr[1], m01i = mi[1];
        T m10r = mr[2], m10i = mi[2], m11r = mr[3], m11i = mi[3];
        int dim = re.Length;
        if (im.Length != dim) throw new ArgumentException("re and im must have the same length.", nameof(im));
        ref T rr = ref MemoryMarshal.GetReference(re);
        ref T ri = ref MemoryMarshal.GetReference(im);
        for (int block = 0; block < dim; block += target << 1)
        {
            for (int i0 = block; i0 < block + target; i0++)
            {
                if ((i0 & control) != control) continue;
                ref T r0 = ref Unsafe.Add(ref rr, i0);
                ref T q0 = ref Unsafe.Add(ref ri, i0);
                ref T r1 = ref Unsafe.Add(ref rr, i0 + target);
                ref T q1 = ref Unsafe.Add(ref ri, i0 + target);
                T ar = r0, ai = q0, br = r1, bi = q1;
                r0 = m00r * ar - m00i * ai + m01r * br - m01i * bi;
                q0 = m00r * ai + m00i * ar + m01r * bi + m01i * br;
                r1 = m10r * ar - m10i * ai + m11r * br - m11i * bi;
                q1 = m10r * ai + m10i * ar + m11r * bi + m11i * br;
            }
        }
    }

    /// <summary>
    /// ψ ← M ψ on two targets (4×4 matrix, split re/im). <paramref name="targetA"/> is the first target
    /// (more significant local bit), <paramref name="targetB"/> the second.
    /// </summary>
    public static void Apply2<T>(Span<T> re, Span<T> im, int targetA, int targetB, int control, ReadOnlySpan<T> mr, ReadOnlySpan<T> mi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lo = Math.Min(targetA, targetB), hi = Math.Max(targetA, targetB);
        int quarter = re.Length >> 2;
        Span<int> idx = stackalloc int[4];
        Span<T> vr = stackalloc T[4];
        Span<T> vi = stackalloc T[4];
        for (int k = 0; k < quarter; k++)
        {
            int i = InsertZero(InsertZero(k, lo), hi);
            if ((i & control) != control) continue;
            idx[0] = i; idx[1] = i | targetB; idx[2] = i | targetA; idx[3] = i | targetA | targetB;
            for (int l = 0; l < 4; l++) { vr[l] = re[idx[l]]; vi[l] = im[idx[l]]; }
            for (int r = 0; r < 4; r++)
            {
                T sr = T.Zero, si = T.Zero;
                for (int c = 0; c < 4; c++)
                {
                    T ar = mr[r * 4 + c], ai = mi[r * 4 + c];
                    sr += ar * vr[c] - ai * vi[c];
                    si += ar * vi[c] + ai * vr[c];
                }
                re[idx[r]] = sr;
                im[idx[r]] = si;
            }
        }
    }

    /// <summary>Re⟨g| M |ψ⟩ for a one-target matrix M acting where all control bits are set (zero elsewhere).</summary>
    public static double Inner1<T>(ReadOnlySpan<T> gre, ReadOnlySpan<T> gim, ReadOnlySpan<T> pre, ReadOnlySpan<T> pim,
        int target, int control, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double m00r = m[0].Real, m00i = m[0].Imaginary, m01r = m[1].Real, m01i = m[1].Imaginary;
        double m10r = m[2].Real, m10i = m[2].Imaginary, m11r = m[3].Real, m11i = m[3].Imaginary;
        int half = pre.Length >> 1;
        double sum = 0;
        for (int k = 0; k < half; k++)
        {
            int i0 = InsertZero(k, target);
            if ((i0 & control) != control) continue;
            int i1 = i0 | target;
            double ar = double.CreateTruncating(pre[i0]), ai = double.CreateTruncating(pim[i0]);
            double br = double.CreateTruncating(pre[i1]), bi = double.CreateTruncating(pim[i1]);
            double yr0 = m00r * ar - m00i * ai + m01r * br - m01i * bi;
            double yi0 = m00r * ai + m00i * ar + m01r * bi + m01i * br;
            double yr1 = m10r * ar - m10i * ai + m11r * br - m11i * bi;
            double yi1 = m10r * ai + m10i * ar + m11r * bi + m11i * br;
            // Re(conj(g)·y) = g_r·y_r + g_i·y_i
            sum += double.CreateTruncating(gre[i0]) * yr0 + double.CreateTruncating(gim[i0]) * yi0
                 + double.CreateTruncating(gre[i1]) * yr1 + double.CreateTruncating(gim[i1]) * yi1;
        }
        return sum;
    }

    /// <summary>Re⟨g| M |ψ⟩ for a two-target matrix M acting where all control bits are set.</summary>
    public static double Inner2<T>(ReadOnlySpan<T> gre, ReadOnlySpan<T> gim, ReadOnlySpan<T> pre, ReadOnlySpan<T> pim,
        int targetA, int targetB, int control, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lo = Math.Min(targetA, targetB), hi = Math.Max(targetA, targetB);
        int quarter = pre.Length >> 2;
        Span<int> idx = stackalloc int[4];
        Span<double> vr = stackalloc double[4];
        Span<double> vi = stackalloc double[4];
        double sum = 0;
        for (int k = 0; k < quarter; k++)
        {
            int i = InsertZero(InsertZero(k, lo), hi);
            if ((i & control) != control) continue;
            idx[0] = i; idx[1] = i | targetB; idx[2] = i | targetA; idx[3] = i | targetA | targetB;
            for (int l = 0; l < 4; l++) { vr[l] = double.CreateTruncating(pre[idx[l]]); vi[l] = double.CreateTruncating(pim[idx[l]]); }
            for (int r = 0; r < 4; r++)
            {
                double yr = 0, yi = 0;
                for (int c = 0; c < 4; c++)
                {
                    double ar = m[r * 4 + c].Real, ai = m[r * 4 + c].Imaginary;
                    yr += ar * vr[c] - ai * vi[c];
                    yi += ar * vi[c] + ai * vr[c];
                }
                sum += double.CreateTruncating(gre[idx[r]]) * yr + double.CreateTruncating(gim[idx[r]]) * yi;
            }
        }
        return sum;
    }
}
