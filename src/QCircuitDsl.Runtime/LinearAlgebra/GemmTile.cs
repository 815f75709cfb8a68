namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>Writes a computed accumulator tile into C; used for edge tiles that a kernel cannot store in place.</summary>
internal static unsafe class GemmTile
{
    /// <summary>
    /// C[i, j] = alpha·acc[i, j] + beta·C[i, j] for the live rows × cols; beta == 0 means C is not read
    /// (so NaN or garbage in C is overwritten, as BLAS does). The rounding matches the vector kernels'
    /// in-place store exactly, which keeps results independent of where tile boundaries fall.
    /// </summary>
    public static void Combine(float* acc, int accStride, float* c, nint ldc, int rows, int cols, float alpha, float beta)
    {
        for (int i = 0; i < rows; i++)
        {
            float* src = acc + (nint)i * accStride;
            float* dst = c + i * ldc;
            if (beta == 0f)
            {
                for (int j = 0; j < cols; j++) dst[j] = alpha * src[j];
            }
            else
            {
                for (int j = 0; j < cols; j++) dst[j] = MathF.FusedMultiplyAdd(alpha, src[j], beta * dst[j]);
            }
        }
    }
}
