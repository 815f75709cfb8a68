using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// AVX-512 micro-kernels: a sliver of up to 12 rows of A times a 32- (or 16-) column panel of packed B.
/// </summary>
/// <remarks>
/// 12×32 keeps 24 zmm accumulators live, plus two B vectors; the A element is broadcast from memory, so
/// the 32 zmm registers suffice without spills. 24 independent FMA chains cover the 4-cycle latency of
/// two FMA ports many times over. Every output element is one FMA chain over p in order, so the result
/// does not depend on which kernel (wide, narrow, short or edge) computed it. Rows beyond TR.Rows are
/// compiled out (see <see cref="IRowCount"/>).
/// </remarks>
internal static unsafe class SgemmKernel512
{
    public const int Mr = 12;
    public const int Nr = 32;
    public const int Lanes = 16;

    /// <summary>C[0..TR.Rows, 0..32] = alpha·(A·Bp) + beta·C; beta == 0 means C is not read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Wide<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
        where TR : struct, IRowCount
    {
        Vector512<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default;
        Vector512<float> c3a = default, c3b = default, c4a = default, c4b = default, c5a = default, c5b = default;
        Vector512<float> c6a = default, c6b = default, c7a = default, c7b = default, c8a = default, c8b = default;
        Vector512<float> c9a = default, c9b = default, cAa = default, cAb = default, cBa = default, cBb = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            { var x = Vector512.Create(a.At(0)); c0a = Vector512.FusedMultiplyAdd(x, b0, c0a); c0b = Vector512.FusedMultiplyAdd(x, b1, c0b); }
            if (TR.Rows > 1) { var x = Vector512.Create(a.At(1)); c1a = Vector512.FusedMultiplyAdd(x, b0, c1a); c1b = Vector512.FusedMultiplyAdd(x, b1, c1b); }
            if (TR.Rows > 2) { var x = Vector512.Create(a.At(2)); c2a = Vector512.FusedMultiplyAdd(x, b0, c2a); c2b = Vector512.FusedMultiplyAdd(x, b1, c2b); }
            if (TR.Rows > 3) { var x = Vector512.Create(a.At(3)); c3a = Vector512.FusedMultiplyAdd(x, b0, c3a); c3b = Vector512.FusedMultiplyAdd(x, b1, c3b); }
            if (TR.Rows > 4) { var x = Vector512.Create(a.At(4)); c4a = Vector512.FusedMultiplyAdd(x, b0, c4a); c4b = Vector512.FusedMultiplyAdd(x, b1, c4b); }
            if (TR.Rows > 5) { var x = Vector512.Create(a.At(5)); c5a = Vector512.FusedMultiplyAdd(x, b0, c5a); c5b = Vector512.FusedMultiplyAdd(x, b1, c5b); }
            if (TR.Rows > 6) { var x = Vector512.Create(a.At(6)); c6a = Vector512.FusedMultiplyAdd(x, b0, c6a); c6b = Vector512.FusedMultiplyAdd(x, b1, c6b); }
            if (TR.Rows > 7) { var x = Vector512.Create(a.At(7)); c7a = Vector512.FusedMultiplyAdd(x, b0, c7a); c7b = Vector512.FusedMultiplyAdd(x, b1, c7b); }
            if (TR.Rows > 8) { var x = Vector512.Create(a.At(8)); c8a = Vector512.FusedMultiplyAdd(x, b0, c8a); c8b = Vector512.FusedMultiplyAdd(x, b1, c8b); }
            if (TR.Rows > 9) { var x = Vector512.Create(a.At(9)); c9a = Vector512.FusedMultiplyAdd(x, b0, c9a); c9b = Vector512.FusedMultiplyAdd(x, b1, c9b); }
            if (TR.Rows > 10) { var x = Vector512.Create(a.At(10)); cAa = Vector512.FusedMultiplyAdd(x, b0, cAa); cAb = Vector512.FusedMultiplyAdd(x, b1, cAb); }
            if (TR.Rows > 11) { var x = Vector512.Create(a.At(11)); cBa = Vector512.FusedMultiplyAdd(x, b0, cBa); cBb = Vector512.FusedMultiplyAdd(x, b1, cBb); }
            a.Next();
            b += Nr;
        }

        var va = Vector512.Create(alpha);
        var vb = Vector512.Create(beta);
        bool readC = beta != 0f;
        { Store(c + 0 * ldc, c0a, va, vb, readC); Store(c + 0 * ldc + 16, c0b, va, vb, readC); }
        if (TR.Rows > 1) { Store(c + 1 * ldc, c1a, va, vb, readC); Store(c + 1 * ldc + 16, c1b, va, vb, readC); }
        if (TR.Rows > 2) { Store(c + 2 * ldc, c2a, va, vb, readC); Store(c + 2 * ldc + 16, c2b, va, vb, readC); }
        if (TR.Rows > 3) { Store(c + 3 * ldc, c3a, va, vb, readC); Store(c + 3 * ldc + 16, c3b, va, vb, readC); }
        if (TR.Rows > 4) { Store(c + 4 * ldc, c4a, va, vb, readC); Store(c + 4 * ldc + 16, c4b, va, vb, readC); }
        if (TR.Rows > 5) { Store(c + 5 * ldc, c5a, va, vb, readC); Store(c + 5 * ldc + 16, c5b, va, vb, readC); }
        if (TR.Rows > 6) { Store(c + 6 * ldc, c6a, va, vb, readC); Store(c + 6 * ldc + 16, c6b, va, vb, readC); }
        if (TR.Rows > 7) { Store(c + 7 * ldc, c7a, va, vb, readC); Store(c + 7 * ldc + 16, c7b, va, vb, readC); }
        if (TR.Rows > 8) { Store(c + 8 * ldc, c8a, va, vb, readC); Store(c + 8 * ldc + 16, c8b, va, vb, readC); }
        if (TR.Rows > 9) { Store(c + 9 * ldc, c9a, va, vb, readC); Store(c + 9 * ldc + 16, c9b, va, vb, readC); }
        if (TR.Rows > 10) { Store(c + 10 * ldc, cAa, va, vb, readC); Store(c + 10 * ldc + 16, cAb, va, vb, readC); }
        if (TR.Rows > 11) { Store(c + 11 * ldc, cBa, va, vb, readC); Store(c + 11 * ldc + 16, cBb, va, vb, readC); }
    }

    /// <summary>The 16-column variant, for a final B panel with at most 16 live columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Narrow<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
        where TR : struct, IRowCount
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector512<float> c6 = default, c7 = default, c8 = default, c9 = default, cA = default, cB = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(0)), b0, c0);
            if (TR.Rows > 1) c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(1)), b0, c1);
            if (TR.Rows > 2) c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(2)), b0, c2);
            if (TR.Rows > 3) c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(3)), b0, c3);
            if (TR.Rows > 4) c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(4)), b0, c4);
            if (TR.Rows > 5) c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(5)), b0, c5);
            if (TR.Rows > 6) c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(6)), b0, c6);
            if (TR.Rows > 7) c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(7)), b0, c7);
            if (TR.Rows > 8) c8 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(8)), b0, c8);
            if (TR.Rows > 9) c9 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(9)), b0, c9);
            if (TR.Rows > 10) cA = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(10)), b0, cA);
            if (TR.Rows > 11) cB = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(11)), b0, cB);
            a.Next();
            b += Lanes;
        }

        var va = Vector512.Create(alpha);
        var vb = Vector512.Create(beta);
        bool readC = beta != 0f;
        Store(c + 0 * ldc, c0, va, vb, readC);
        if (TR.Rows > 1) Store(c + 1 * ldc, c1, va, vb, readC);
        if (TR.Rows > 2) Store(c + 2 * ldc, c2, va, vb, readC);
        if (TR.Rows > 3) Store(c + 3 * ldc, c3, va, vb, readC);
        if (TR.Rows > 4) Store(c + 4 * ldc, c4, va, vb, readC);
        if (TR.Rows > 5) Store(c + 5 * ldc, c5, va, vb, readC);
        if (TR.Rows > 6) Store(c + 6 * ldc, c6, va, vb, readC);
        if (TR.Rows > 7) Store(c + 7 * ldc, c7, va, vb, readC);
        if (TR.Rows > 8) Store(c + 8 * ldc, c8, va, vb, readC);
        if (TR.Rows > 9) Store(c + 9 * ldc, c9, va, vb, readC);
        if (TR.Rows > 10) Store(c + 10 * ldc, cA, va, vb, readC);
        if (TR.Rows > 11) Store(c + 11 * ldc, cB, va, vb, readC);
    }

    // Same rounding as GemmTile.Combine's scalar path: beta·c is rounded, then one fused multiply-add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> acc, Vector512<float> alpha, Vector512<float> beta, bool readC)
    {
        var r = readC
            ? Vector512.FusedMultiplyAdd(alpha, acc, beta * Vector512.Load(c))
            : alpha * acc;
        r.Store(c);
    }
}
