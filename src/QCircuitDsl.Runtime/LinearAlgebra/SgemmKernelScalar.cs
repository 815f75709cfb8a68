using System.Runtime.CompilerServices;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// Portable micro-kernel (up to 4 rows × 4 columns) for machines with neither AVX-512 nor AVX2/FMA. It uses
/// the same one fused multiply-add per term as the vector kernels, so it also gives the same bits (only
/// slower where FMA is emulated in software).
/// </summary>
internal static unsafe class SgemmKernelScalar
{
    public const int Mr = 4;
    public const int Nr = 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
        where TR : struct, IRowCount
    {
        float* acc = stackalloc float[Mr * Nr];
        for (int t = 0; t < Mr * Nr; t++) acc[t] = 0f;

        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < TR.Rows; i++)
            {
                float x = a.At(i);
                float* row = acc + i * Nr;
                row[0] = MathF.FusedMultiplyAdd(x, b[0], row[0]);
                row[1] = MathF.FusedMultiplyAdd(x, b[1], row[1]);
                row[2] = MathF.FusedMultiplyAdd(x, b[2], row[2]);
                row[3] = MathF.FusedMultiplyAdd(x, b[3], row[3]);
            }
            a.Next();
            b += Nr;
        }

        GemmTile.Combine(acc, Nr, c, ldc, TR.Rows, Nr, alpha, beta);
    }
}
