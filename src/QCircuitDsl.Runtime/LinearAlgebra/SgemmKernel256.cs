using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// AVX2/FMA micro-kernels for machines without AVX-512: a 6-row sliver times a 16- (or 8-) column panel.
/// </summary>
/// <remarks>
/// Only 16 ymm registers exist without AVX-512: 12 accumulators + 2 B vectors + 1 broadcast = 15.
/// </remarks>
internal static unsafe class SgemmKernel256
{
    public const int Mr = 6;
    public const int Nr = 16;
    public const int Lanes = 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x16<TA>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
    {
        Vector256<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default;
        Vector256<float> c3a = default, c3b = default, c4a = default, c4b = default, c5a = default, c5b = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> x;
            x = Vector256.Create(a.At(0)); c0a = Vector256.FusedMultiplyAdd(x, b0, c0a); c0b = Vector256.FusedMultiplyAdd(x, b1, c0b);
            x = Vector256.Create(a.At(1)); c1a = Vector256.FusedMultiplyAdd(x, b0, c1a); c1b = Vector256.FusedMultiplyAdd(x, b1, c1b);
            x = Vector256.Create(a.At(2)); c2a = Vector256.FusedMultiplyAdd(x, b0, c2a); c2b = Vector256.FusedMultiplyAdd(x, b1, c2b);
            x = Vector256.Create(a.At(3)); c3a = Vector256.FusedMultiplyAdd(x, b0, c3a); c3b = Vector256.FusedMultiplyAdd(x, b1, c3b);
            x = Vector256.Create(a.At(4)); c4a = Vector256.FusedMultiplyAdd(x, b0, c4a); c4b = Vector256.FusedMultiplyAdd(x, b1, c4b);
            x = Vector256.Create(a.At(5)); c5a = Vector256.FusedMultiplyAdd(x, b0, c5a); c5b = Vector256.FusedMultiplyAdd(x, b1, c5b);
            a.Next();
            b += Nr;
        }

        var va = Vector256.Create(alpha);
        var vb = Vector256.Create(beta);
        bool readC = beta != 0f;
        Store(c, c0a, va, vb, readC); Store(c + 8, c0b, va, vb, readC); c += ldc;
        Store(c, c1a, va, vb, readC); Store(c + 8, c1b, va, vb, readC); c += ldc;
        Store(c, c2a, va, vb, readC); Store(c + 8, c2b, va, vb, readC); c += ldc;
        Store(c, c3a, va, vb, readC); Store(c + 8, c3b, va, vb, readC); c += ldc;
        Store(c, c4a, va, vb, readC); Store(c + 8, c4b, va, vb, readC); c += ldc;
        Store(c, c5a, va, vb, readC); Store(c + 8, c5b, va, vb, readC);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x8<TA>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(0)), b0, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(1)), b0, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(2)), b0, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(3)), b0, c3);
            c4 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(4)), b0, c4);
            c5 = Vector256.FusedMultiplyAdd(Vector256.Create(a.At(5)), b0, c5);
            a.Next();
            b += Lanes;
        }

        var va = Vector256.Create(alpha);
        var vb = Vector256.Create(beta);
        bool readC = beta != 0f;
        Store(c, c0, va, vb, readC); c += ldc;
        Store(c, c1, va, vb, readC); c += ldc;
        Store(c, c2, va, vb, readC); c += ldc;
        Store(c, c3, va, vb, readC); c += ldc;
        Store(c, c4, va, vb, readC); c += ldc;
        Store(c, c5, va, vb, readC);
    }

    // Same rounding as the scalar edge path: beta·c is rounded, then one fused multiply-add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> acc, Vector256<float> alpha, Vector256<float> beta, bool readC)
    {
        var r = readC
            ? Vector256.FusedMultiplyAdd(alpha, acc, beta * Vector256.Load(c))
            : alpha * acc;
        r.Store(c);
    }
}
