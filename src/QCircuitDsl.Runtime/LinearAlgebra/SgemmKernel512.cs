using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// AVX-512 micro-kernels: a 12-row sliver of packed A times a 32- (or 16-) column panel of packed B.
/// </summary>
/// <remarks>
/// 12×32 keeps 24 zmm accumulators live, plus two B vectors; the A element is broadcast straight from
/// memory into the FMA, so the 32 zmm registers suffice without spills. 24 independent FMA chains cover
/// the 4-cycle latency of two FMA ports many times over. Every output element is one FMA chain over p in
/// order, so the result does not depend on which kernel (wide, narrow or edge) computed it.
/// </remarks>
internal static unsafe class SgemmKernel512
{
    public const int Mr = 12;
    public const int Nr = 32;
    public const int Lanes = 16;

    /// <summary>C[0..12, 0..32] = alpha·(Ap·Bp) + beta·C; beta == 0 means C is not read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel12x32<TA>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
    {
        Vector512<float> c0a = default, c0b = default, c1a = default, c1b = default;
        Vector512<float> c2a = default, c2b = default, c3a = default, c3b = default;
        Vector512<float> c4a = default, c4b = default, c5a = default, c5b = default;
        Vector512<float> c6a = default, c6b = default, c7a = default, c7b = default;
        Vector512<float> c8a = default, c8b = default, c9a = default, c9b = default;
        Vector512<float> cAa = default, cAb = default, cBa = default, cBb = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> x;
            x = Vector512.Create(a.At(0)); c0a = Vector512.FusedMultiplyAdd(x, b0, c0a); c0b = Vector512.FusedMultiplyAdd(x, b1, c0b);
            x = Vector512.Create(a.At(1)); c1a = Vector512.FusedMultiplyAdd(x, b0, c1a); c1b = Vector512.FusedMultiplyAdd(x, b1, c1b);
            x = Vector512.Create(a.At(2)); c2a = Vector512.FusedMultiplyAdd(x, b0, c2a); c2b = Vector512.FusedMultiplyAdd(x, b1, c2b);
            x = Vector512.Create(a.At(3)); c3a = Vector512.FusedMultiplyAdd(x, b0, c3a); c3b = Vector512.FusedMultiplyAdd(x, b1, c3b);
            x = Vector512.Create(a.At(4)); c4a = Vector512.FusedMultiplyAdd(x, b0, c4a); c4b = Vector512.FusedMultiplyAdd(x, b1, c4b);
            x = Vector512.Create(a.At(5)); c5a = Vector512.FusedMultiplyAdd(x, b0, c5a); c5b = Vector512.FusedMultiplyAdd(x, b1, c5b);
            x = Vector512.Create(a.At(6)); c6a = Vector512.FusedMultiplyAdd(x, b0, c6a); c6b = Vector512.FusedMultiplyAdd(x, b1, c6b);
            x = Vector512.Create(a.At(7)); c7a = Vector512.FusedMultiplyAdd(x, b0, c7a); c7b = Vector512.FusedMultiplyAdd(x, b1, c7b);
            x = Vector512.Create(a.At(8)); c8a = Vector512.FusedMultiplyAdd(x, b0, c8a); c8b = Vector512.FusedMultiplyAdd(x, b1, c8b);
            x = Vector512.Create(a.At(9)); c9a = Vector512.FusedMultiplyAdd(x, b0, c9a); c9b = Vector512.FusedMultiplyAdd(x, b1, c9b);
            x = Vector512.Create(a.At(10)); cAa = Vector512.FusedMultiplyAdd(x, b0, cAa); cAb = Vector512.FusedMultiplyAdd(x, b1, cAb);
            x = Vector512.Create(a.At(11)); cBa = Vector512.FusedMultiplyAdd(x, b0, cBa); cBb = Vector512.FusedMultiplyAdd(x, b1, cBb);
            a.Next();
            b += Nr;
        }

        var va = Vector512.Create(alpha);
        var vb = Vector512.Create(beta);
        bool readC = beta != 0f;
        Store(c, c0a, va, vb, readC); Store(c + 16, c0b, va, vb, readC); c += ldc;
        Store(c, c1a, va, vb, readC); Store(c + 16, c1b, va, vb, readC); c += ldc;
        Store(c, c2a, va, vb, readC); Store(c + 16, c2b, va, vb, readC); c += ldc;
        Store(c, c3a, va, vb, readC); Store(c + 16, c3b, va, vb, readC); c += ldc;
        Store(c, c4a, va, vb, readC); Store(c + 16, c4b, va, vb, readC); c += ldc;
        Store(c, c5a, va, vb, readC); Store(c + 16, c5b, va, vb, readC); c += ldc;
        Store(c, c6a, va, vb, readC); Store(c + 16, c6b, va, vb, readC); c += ldc;
        Store(c, c7a, va, vb, readC); Store(c + 16, c7b, va, vb, readC); c += ldc;
        Store(c, c8a, va, vb, readC); Store(c + 16, c8b, va, vb, readC); c += ldc;
        Store(c, c9a, va, vb, readC); Store(c + 16, c9b, va, vb, readC); c += ldc;
        Store(c, cAa, va, vb, readC); Store(c + 16, cAb, va, vb, readC); c += ldc;
        Store(c, cBa, va, vb, readC); Store(c + 16, cBb, va, vb, readC);
    }

    /// <summary>The 16-column variant, for a final B panel with at most 16 live columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel12x16<TA>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector512<float> c6 = default, c7 = default, c8 = default, c9 = default, cA = default, cB = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(0)), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(1)), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(2)), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(3)), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(4)), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(5)), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(6)), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(7)), b0, c7);
            c8 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(8)), b0, c8);
            c9 = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(9)), b0, c9);
            cA = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(10)), b0, cA);
            cB = Vector512.FusedMultiplyAdd(Vector512.Create(a.At(11)), b0, cB);
            a.Next();
            b += Lanes;
        }

        var va = Vector512.Create(alpha);
        var vb = Vector512.Create(beta);
        bool readC = beta != 0f;
        Store(c, c0, va, vb, readC); c += ldc;
        Store(c, c1, va, vb, readC); c += ldc;
        Store(c, c2, va, vb, readC); c += ldc;
        Store(c, c3, va, vb, readC); c += ldc;
        Store(c, c4, va, vb, readC); c += ldc;
        Store(c, c5, va, vb, readC); c += ldc;
        Store(c, c6, va, vb, readC); c += ldc;
        Store(c, c7, va, vb, readC); c += ldc;
        Store(c, c8, va, vb, readC); c += ldc;
        Store(c, c9, va, vb, readC); c += ldc;
        Store(c, cA, va, vb, readC); c += ldc;
        Store(c, cB, va, vb, readC);
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
