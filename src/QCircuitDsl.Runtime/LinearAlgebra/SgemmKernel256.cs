using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// AVX2/FMA micro-kernels for machines without AVX-512: a sliver of up to 6 rows times a 16- (or 8-)
/// column panel.
/// </summary>
/// <remarks>
/// Only 16 ymm registers exist without AVX-512: 12 accumulators + 2 B vectors + 1 broadcast = 15.
/// </remarks>
internal static unsafe class SgemmKernel256
{
    public const int Mr = 6;
    public const int Nr = 16;
    public const int Lanes = 8;

    /// <summary>C[0..TR.Rows, 0..16] = alpha·(A·Bp) + beta·C; beta == 0 means C is not read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Wide<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
        where TR : struct, IRowCount
    {
        Vector256<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default;
        Vector256<float> c3a = default, c3b = default, c4a = default, c4b = default, c5a = default, c5b = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            { var x = Vector256.Create(a.At(0)); c0a = Vector256.FusedMultiplyAdd(x, b0, c0a); c0b = Vector256.FusedMultiplyAdd(x, b1, c0b); }
            if (TR.Rows > 1) { var x = Vector256.Create(a.At(1)); c1a = Vector256.FusedMultiplyAdd(x, b0, c1a); c1b = Vector256.FusedMultiplyAdd(x, b1, c1b); }
            if (TR.Rows > 2) { var x = Vector256.Create(a.At(2)); c2a = Vector256.FusedMultiplyAdd(x, b0, c2a); c2b = Vector256.FusedMultiplyAdd(x, b1, c2b); }
            if (TR.Rows > 3) { var x = Vector256.Create(a.At(3)); c3a = Vector256.FusedMultiplyAdd(x, b0, c3a); c3b = Vector256.FusedMultiplyAdd(x, b1, c3b); }
            if (TR.Rows > 4) { var x = Vector256.Create(a.At(4)); c4a = Vector256.FusedMultiplyAdd(x, b0, c4a); c4b = Vector256.FusedMultiplyAdd(x, b1, c4b); }
            if (TR.Rows > 5) { var x = Vector256.Create(a.At(5)); c5a = Vector256.FusedMultiplyAdd(x, b0, c5a); c5b = Vector256.FusedMultiplyAdd(x, b1, c5b); }
            a.Next();
            b += Nr;
        }

        var va = Vector256.Create(alpha);
        var vb = Vector256.Create(beta);
        bool readC = beta != 0f;
        { Store(c + 0 * ldc, c0a, va, vb, readC); Store(c + 0 * ldc + 8, c0b, va, vb, readC); }
        if (TR.Rows > 1) { Store(c + 1 * ldc, c1a, va, vb, readC); Store(c + 1 * ldc + 8, c1b, va, vb, readC); }
        if (TR.Rows > 2) { Store(c + 2 * ldc, c2a, va, vb, readC); Store(c + 2 * ldc + 8, c2b, va, vb, readC); }
        if (TR.Rows > 3) { Store(c + 3 * ldc, c3a, va, vb, readC); Store(c + 3 * ldc + 8, c3b, va, vb, readC); }
        if (TR.Rows > 4) { Store(c + 4 * ldc, c4a, va, vb, readC); Store(c + 4 * ldc + 8, c4b, va, vb, readC); }
        if (TR.Rows > 5) { Store(c + 5 * ldc, c5a, va, vb, readC); Store(c + 5 * ldc + 8, c5b, va, vb, readC); }
    }

    /// <summary>The 8-column variant, for a final B panel with at most 8 live columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Narrow<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
        where TR : struct, IRowCount
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(0)), b0, c0);
            if (TR.Rows > 1) c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(1)), b0, c1);
            if (TR.Rows > 2) c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(2)), b0, c2);
            if (TR.Rows > 3) c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(3)), b0, c3);
            if (TR.Rows > 4) c4 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(4)), b0, c4);
            if (TR.Rows > 5) c5 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(5)), b0, c5);
            a.Next();
            b += Lanes;
        }

        var va = Vector256.Create(alpha);
        var vb = Vector256.Create(beta);
        bool readC = beta != 0f;
        Store(c + 0 * ldc, c0, va, vb, readC);
        if (TR.Rows > 1) Store(c + 1 * ldc, c1, va, vb, readC);
        if (TR.Rows > 2) Store(c + 2 * ldc, c2, va, vb, readC);
        if (TR.Rows > 3) Store(c + 3 * ldc, c3, va, vb, readC);
        if (TR.Rows > 4) Store(c + 4 * ldc, c4, va, vb, readC);
        if (TR.Rows > 5) Store(c + 5 * ldc, c5, va, vb, readC);
    }

    // Same rounding as GemmTile.Combine's scalar path: beta·c is rounded, then one fused multiply-add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> acc, Vector256<float> alpha, Vector256<float> beta, bool readC)
    {
        var r = readC
            ? Vector256.FusedMultiplyAdd(alpha, acc, beta * Vector256.Load(c))
            : alpha * acc;
        r.Store(c);
    }
}
