using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// One adjoint-method step for a one-target gate in a single sweep over ψ and g: with E_a = (∂U/∂θ_a)·U†
/// (zero outside the controlled subspace), ∂L/∂θ_a = Re⟨g|E_a ψ⟩ is read off the output state before it is
/// overwritten, then ψ ← U†ψ and g ← U†g. Because E_a acts on the output state, no earlier state is needed.
/// </summary>
internal static class VectorBackwardKernel
{
    /// <summary>Accumulates the dot products of up to three angles into <paramref name="dots"/> (double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step<T, F>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, LaneSet lanes,
        in GateCoef<T> inverse, ReadOnlySpan<GateCoef<T>> e, Span<double> dots)
        where T : unmanaged, System.Numerics.INumberBase<T> where F : struct, IMatrixForm
    {
        ref T r = ref MemoryMarshal.GetReference(re);
        ref T q = ref MemoryMarshal.GetReference(im);
        ref T gr = ref MemoryMarshal.GetReference(gre);
        ref T gq = ref MemoryMarshal.GetReference(gim);
        int w = Vector512<T>.Count, len = re.Length, ch = lanes.ControlHigh;
        int angles = e.Length;
        var e0 = angles > 0 ? e[0] : default;
        var e1 = angles > 1 ? e[1] : default;
        var e2 = angles > 2 ? e[2] : default;
        Vector512<T> a0 = default, a1 = default, a2 = default;
        int sinceFlush = 0;
        bool low = lanes.TargetLow;
        int t = lanes.Target, step = low ? w : t << 1, inner = low ? w : t;
        var perm = lanes.Perm;
        for (int block = 0; block < len; block += step)
        {
            for (int b = block; b < block + inner; b += w)
            {
                if ((b & ch) != ch) continue;
                nuint i0 = (nuint)b;
                var v0r = Vector512.LoadUnsafe(ref r, i0); var v0i = Vector512.LoadUnsafe(ref q, i0);
                var g0r = Vector512.LoadUnsafe(ref gr, i0); var g0i = Vector512.LoadUnsafe(ref gq, i0);
                if (low)
                {
                    Vector512<T> pr = default, pi = default, hr = default, hi = default;
                    if (F.NeedsPartner)
                    {
                        pr = Simd.Permute(v0r, perm); pi = Simd.Permute(v0i, perm);
                        hr = Simd.Permute(g0r, perm); hi = Simd.Permute(g0i, perm);
                    }
                    if (angles > 0) a0 = Dot<T, F>(e0.Lo, v0r, v0i, pr, pi, g0r, g0i, a0);
                    if (angles > 1) a1 = Dot<T, F>(e1.Lo, v0r, v0i, pr, pi, g0r, g0i, a1);
                    if (angles > 2) a2 = Dot<T, F>(e2.Lo, v0r, v0i, pr, pi, g0r, g0i, a2);
                    F.Combine(inverse.Lo, v0r, v0i, pr, pi, out var or, out var oi);
                    F.Combine(inverse.Lo, g0r, g0i, hr, hi, out var ogr, out var ogi);
                    or.StoreUnsafe(ref r, i0); oi.StoreUnsafe(ref q, i0);
                    ogr.StoreUnsafe(ref gr, i0); ogi.StoreUnsafe(ref gq, i0);
                }
                else
                {
                    nuint i1 = (nuint)(b + t);
                    var v1r = Vector512.LoadUnsafe(ref r, i1); var v1i = Vector512.LoadUnsafe(ref q, i1);
                    var g1r = Vector512.LoadUnsafe(ref gr, i1); var g1i = Vector512.LoadUnsafe(ref gq, i1);
                    if (angles > 0) a0 = Dot<T, F>(e0.Hi, v1r, v1i, v0r, v0i, g1r, g1i, Dot<T, F>(e0.Lo, v0r, v0i, v1r, v1i, g0r, g0i, a0));
                    if (angles > 1) a1 = Dot<T, F>(e1.Hi, v1r, v1i, v0r, v0i, g1r, g1i, Dot<T, F>(e1.Lo, v0r, v0i, v1r, v1i, g0r, g0i, a1));
                    if (angles > 2) a2 = Dot<T, F>(e2.Hi, v1r, v1i, v0r, v0i, g1r, g1i, Dot<T, F>(e2.Lo, v0r, v0i, v1r, v1i, g0r, g0i, a2));
                    F.Combine(inverse.Lo, v0r, v0i, v1r, v1i, out var o0r, out var o0i);
                    F.Combine(inverse.Hi, v1r, v1i, v0r, v0i, out var o1r, out var o1i);
                    F.Combine(inverse.Lo, g0r, g0i, g1r, g1i, out var h0r, out var h0i);
                    F.Combine(inverse.Hi, g1r, g1i, g0r, g0i, out var h1r, out var h1i);
                    o0r.StoreUnsafe(ref r, i0); o0i.StoreUnsafe(ref q, i0); o1r.StoreUnsafe(ref r, i1); o1i.StoreUnsafe(ref q, i1);
                    h0r.StoreUnsafe(ref gr, i0); h0i.StoreUnsafe(ref gq, i0); h1r.StoreUnsafe(ref gr, i1); h1i.StoreUnsafe(ref gq, i1);
                }
                if (++sinceFlush == Simd.FlushBlocks)
                {
                    Flush(ref a0, ref a1, ref a2, angles, dots);
                    sinceFlush = 0;
                }
            }
        }
        Flush(ref a0, ref a1, ref a2, angles, dots);
    }

    /// <summary>acc + Re(conj(g)·(E ψ)) lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Dot<T, F>(in Coef<T> e, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        Vector512<T> gr, Vector512<T> gi, Vector512<T> acc) where T : unmanaged where F : struct, IMatrixForm
    {
        F.Combine(e, vr, vi, pr, pi, out var yr, out var yi);
        return Simd.Fma(gi, yi, Simd.Fma(gr, yr, acc));
    }

    private static void Flush<T>(ref Vector512<T> a0, ref Vector512<T> a1, ref Vector512<T> a2, int angles, Span<double> dots)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (angles > 0) { dots[0] += Simd.SumToDouble(a0); a0 = default; }
        if (angles > 1) { dots[1] += Simd.SumToDouble(a1); a1 = default; }
        if (angles > 2) { dots[2] += Simd.SumToDouble(a2); a2 = default; }
    }
}
