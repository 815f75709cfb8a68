using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// AVX-512 kernels for one-target gates in lane-coefficient form (see <see cref="GateCoef{T}"/>). A span may hold
/// one sample or a tile of consecutive samples with the same matrix: every mask lies below the sample dimension,
/// so the loops are the same. Spans must be a multiple of the vector width long.
/// </summary>
internal static class VectorGateKernels
{
    /// <summary>ψ ← Mψ for matrix M (given as coefficients) of form F.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<T, F>(Span<T> re, Span<T> im, LaneSet lanes, in GateCoef<T> c)
        where T : unmanaged where F : struct, IMatrixForm
    {
        ref T r = ref MemoryMarshal.GetReference(re);
        ref T q = ref MemoryMarshal.GetReference(im);
        int w = Vector512<T>.Count, len = re.Length, ch = lanes.ControlHigh;
        if (lanes.TargetLow)
        {
            var perm = lanes.Perm;
            var lo = c.Lo;
            for (int b = 0; b < len; b += w)
            {
                if ((b & ch) != ch) continue;
                var vr = Vector512.LoadUnsafe(ref r, (nuint)b);
                var vi = Vector512.LoadUnsafe(ref q, (nuint)b);
                Vector512<T> pr = default, pi = default;
                if (F.NeedsPartner) { pr = Simd.Permute(vr, perm); pi = Simd.Permute(vi, perm); }
                F.Combine(lo, vr, vi, pr, pi, out var or, out var oi);
                or.StoreUnsafe(ref r, (nuint)b);
                oi.StoreUnsafe(ref q, (nuint)b);
            }
            return;
        }
        int t = lanes.Target;
        var cLo = c.Lo;
        var cHi = c.Hi;
        for (int block = 0; block < len; block += t << 1)
        {
            for (int b = block; b < block + t; b += w)
            {
                if ((b & ch) != ch) continue;
                nuint i0 = (nuint)b, i1 = (nuint)(b + t);
                var v0r = Vector512.LoadUnsafe(ref r, i0); var v0i = Vector512.LoadUnsafe(ref q, i0);
                var v1r = Vector512.LoadUnsafe(ref r, i1); var v1i = Vector512.LoadUnsafe(ref q, i1);
                F.Combine(cLo, v0r, v0i, v1r, v1i, out var o0r, out var o0i);
                F.Combine(cHi, v1r, v1i, v0r, v0i, out var o1r, out var o1i);
                o0r.StoreUnsafe(ref r, i0); o0i.StoreUnsafe(ref q, i0);
                o1r.StoreUnsafe(ref r, i1); o1i.StoreUnsafe(ref q, i1);
            }
        }
    }

    /// <summary>
    /// Diagonal gates whose |0⟩ entry is exactly 1 (z, s, t, p and controlled versions) only touch the half where the
    /// target bit is set: with a high target the other half is skipped outright.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyPhase<T>(Span<T> re, Span<T> im, LaneSet lanes, in GateCoef<T> c) where T : unmanaged
    {
        if (lanes.TargetLow) { Apply<T, DiagonalForm>(re, im, lanes, c); return; }
        ref T r = ref MemoryMarshal.GetReference(re);
        ref T q = ref MemoryMarshal.GetReference(im);
        int w = Vector512<T>.Count, len = re.Length, ch = lanes.ControlHigh, t = lanes.Target;
        var hi = c.Hi;
        for (int block = t; block < len; block += t << 1)
        {
            for (int b = block; b < block + t; b += w)
            {
                if ((b & ch) != ch) continue;
                var vr = Vector512.LoadUnsafe(ref r, (nuint)b);
                var vi = Vector512.LoadUnsafe(ref q, (nuint)b);
                DiagonalForm.Combine(hi, vr, vi, vr, vi, out var or, out var oi);
                or.StoreUnsafe(ref r, (nuint)b);
                oi.StoreUnsafe(ref q, (nuint)b);
            }
        }
    }
}
