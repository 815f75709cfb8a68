using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// Complex matrix product in split layout: C[m,n] (=|+=) Σ_k a(m,k)·B[k,n] where a(m,k) = A[m·sm + k·sk] (optionally
/// conjugated), so one kernel serves A·B (sm = lda, sk = 1) and Aᴴ·B (sm = 1, sk = lda, conjugate). The register
/// tile is 4 rows × 2 vectors × (re, im) = 16 accumulators; each k step broadcasts 4 (or 8) scalars of A and loads
/// 4 vectors of B for 32 (or 16 when A is real) FMAs, so the loop is FMA-bound, not load-bound. Row and column
/// remainders run a scalar loop. Each C element is summed over k in order, whatever the tiling around it.
/// </summary>
internal static class ComplexGemm
{
    public readonly record struct Operand<T>(T[] Re, T[] Im, int Offset, int RowStride, int ColStride);

    public static void Multiply<T>(int rows, int cols, int depth, Operand<T> a, bool conjugateA, bool realA,
        T[] br, T[] bi, int bOffset, int ldb, T[] cr, T[] ci, int cOffset, int ldc, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector512<T>.Count;
        int fullCols = cols / (2 * w) * (2 * w);
        int fullRows = rows / 4 * 4;
        for (int m = 0; m < fullRows; m += 4)
            for (int n = 0; n < fullCols; n += 2 * w)
                Tile(m, n, depth, a, conjugateA, realA, br, bi, bOffset, ldb, cr, ci, cOffset, ldc, accumulate);
        if (fullRows == rows && fullCols == cols) return;
        for (int m = 0; m < rows; m++)
            for (int n = m < fullRows ? fullCols : 0; n < cols; n++)
            {
                T sr = T.Zero, si = T.Zero;
                for (int k = 0; k < depth; k++)
                {
                    int ia = a.Offset + m * a.RowStride + k * a.ColStride, ib = bOffset + k * ldb + n;
                    T xr = a.Re[ia], xi = realA ? T.Zero : conjugateA ? -a.Im[ia] : a.Im[ia];
                    sr += xr * br[ib] - xi * bi[ib];
                    si += xr * bi[ib] + xi * br[ib];
                }
                int ic = cOffset + m * ldc + n;
                cr[ic] = accumulate ? cr[ic] + sr : sr;
                ci[ic] = accumulate ? ci[ic] + si : si;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<T>(int m, int n, int depth, Operand<T> a, bool conjugateA, bool realA,
        T[] br, T[] bi, int bOffset, int ldb, T[] cr, T[] ci, int cOffset, int ldc, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector512<T>.Count;
        ref T ar = ref MemoryMarshal.GetArrayDataReference(a.Re);
        ref T ai = ref MemoryMarshal.GetArrayDataReference(a.Im);
        ref T rbr = ref MemoryMarshal.GetArrayDataReference(br);
        ref T rbi = ref MemoryMarshal.GetArrayDataReference(bi);
        Vector512<T> r00 = default, r01 = default, r10 = default, r11 = default, r20 = default, r21 = default, r30 = default, r31 = default;
        Vector512<T> i00 = default, i01 = default, i10 = default, i11 = default, i20 = default, i21 = default, i30 = default, i31 = default;
        int sm = a.RowStride, sk = a.ColStride;
        int a0 = a.Offset + m * sm;
        int b0 = bOffset + n;
        for (int k = 0; k < depth; k++)
        {
            int ib = b0 + k * ldb, ia = a0 + k * sk;
            var x0 = Vector512.LoadUnsafe(ref rbr, (nuint)ib); var x1 = Vector512.LoadUnsafe(ref rbr, (nuint)(ib + w));
            var y0 = Vector512.LoadUnsafe(ref rbi, (nuint)ib); var y1 = Vector512.LoadUnsafe(ref rbi, (nuint)(ib + w));
            var p0 = Vector512.Create(Unsafe.Add(ref ar, ia)); var p1 = Vector512.Create(Unsafe.Add(ref ar, ia + sm));
            var p2 = Vector512.Create(Unsafe.Add(ref ar, ia + 2 * sm)); var p3 = Vector512.Create(Unsafe.Add(ref ar, ia + 3 * sm));
            r00 = Simd.Fma(p0, x0, r00); r01 = Simd.Fma(p0, x1, r01); i00 = Simd.Fma(p0, y0, i00); i01 = Simd.Fma(p0, y1, i01);
            r10 = Simd.Fma(p1, x0, r10); r11 = Simd.Fma(p1, x1, r11); i10 = Simd.Fma(p1, y0, i10); i11 = Simd.Fma(p1, y1, i11);
            r20 = Simd.Fma(p2, x0, r20); r21 = Simd.Fma(p2, x1, r21); i20 = Simd.Fma(p2, y0, i20); i21 = Simd.Fma(p2, y1, i21);
            r30 = Simd.Fma(p3, x0, r30); r31 = Simd.Fma(p3, x1, r31); i30 = Simd.Fma(p3, y0, i30); i31 = Simd.Fma(p3, y1, i31);
            if (realA) continue;
            T s0 = Unsafe.Add(ref ai, ia), s1 = Unsafe.Add(ref ai, ia + sm), s2 = Unsafe.Add(ref ai, ia + 2 * sm), s3 = Unsafe.Add(ref ai, ia + 3 * sm);
            if (conjugateA) { s0 = -s0; s1 = -s1; s2 = -s2; s3 = -s3; }
            var q0 = Vector512.Create(s0); var q1 = Vector512.Create(s1); var q2 = Vector512.Create(s2); var q3 = Vector512.Create(s3);
            r00 = Simd.Fnma(q0, y0, r00); r01 = Simd.Fnma(q0, y1, r01); i00 = Simd.Fma(q0, x0, i00); i01 = Simd.Fma(q0, x1, i01);
            r10 = Simd.Fnma(q1, y0, r10); r11 = Simd.Fnma(q1, y1, r11); i10 = Simd.Fma(q1, x0, i10); i11 = Simd.Fma(q1, x1, i11);
            r20 = Simd.Fnma(q2, y0, r20); r21 = Simd.Fnma(q2, y1, r21); i20 = Simd.Fma(q2, x0, i20); i21 = Simd.Fma(q2, x1, i21);
            r30 = Simd.Fnma(q3, y0, r30); r31 = Simd.Fnma(q3, y1, r31); i30 = Simd.Fma(q3, x0, i30); i31 = Simd.Fma(q3, x1, i31);
        }
        int c0 = cOffset + m * ldc + n;
        Store(cr, c0, w, r00, r01, accumulate); Store(ci, c0, w, i00, i01, accumulate);
        Store(cr, c0 + ldc, w, r10, r11, accumulate); Store(ci, c0 + ldc, w, i10, i11, accumulate);
        Store(cr, c0 + 2 * ldc, w, r20, r21, accumulate); Store(ci, c0 + 2 * ldc, w, i20, i21, accumulate);
        Store(cr, c0 + 3 * ldc, w, r30, r31, accumulate); Store(ci, c0 + 3 * ldc, w, i30, i31, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(T[] c, int at, int w, Vector512<T> v0, Vector512<T> v1, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T rc = ref MemoryMarshal.GetArrayDataReference(c);
        if (accumulate)
        {
            v0 += Vector512.LoadUnsafe(ref rc, (nuint)at);
            v1 += Vector512.LoadUnsafe(ref rc, (nuint)(at + w));
        }
        v0.StoreUnsafe(ref rc, (nuint)at);
        v1.StoreUnsafe(ref rc, (nuint)(at + w));
    }
}
