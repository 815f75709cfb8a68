using System.Numerics;
using System.Numerics.Tensors;
using Tensor = QCircuitDsl.Runtime.Tensors.Tensor;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// Row-major GEMM entry points: C = alpha·op(A)·op(B) + beta·C, with op(X) = X or Xᵀ and leading dimensions as in BLAS.
/// Sgemm forwards to the shared, packed LinearAlgebra.Gemm kernel (the one place to swap implementations); Dgemm
/// (float64, used by gradient checks) uses the portable, row-parallel kernel below.
/// </summary>
internal static class MatMulKernels
{
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        LinearAlgebra.Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc) =>
        Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>
    /// Portable kernel. Without transB it accumulates C rows as axpy of B rows (i-p-j order, vectorised along j); with
    /// transB it takes dot products of A rows and B rows. A transposed A is packed first so rows are contiguous.
    /// Rows of C are split across threads; each element is computed by one thread in a fixed order (deterministic).
    /// </summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        // Spans cannot be captured by the parallel lambda: copy operands into arrays (A packed as m×k row-major).
        var ap = new T[m * k];
        for (var i = 0; i < m; i++)
            for (var p = 0; p < k; p++)
                ap[i * k + p] = transA ? a[p * lda + i] : a[i * lda + p];
        var bRows = transB ? n : k;
        var bCols = transB ? k : n;
        var bp = new T[bRows * bCols];
        for (var r = 0; r < bRows; r++) b.Slice(r * ldb, bCols).CopyTo(bp.AsSpan(r * bCols, bCols));
        var cp = new T[m * n];
        if (beta != T.Zero)
            for (var i = 0; i < m; i++) c.Slice(i * ldc, n).CopyTo(cp.AsSpan(i * n, n));

        ParallelFor.Chunks(m, ParallelFor.Grain(n * Math.Max(k, 1)), (start, end) =>
        {
            var acc = new T[n];
            for (var i = start; i < end; i++)
            {
                Array.Clear(acc);
                var aRow = ap.AsSpan(i * k, k);
                if (!transB)
                {
                    for (var p = 0; p < k; p++)
                        TensorPrimitives.MultiplyAdd(bp.AsSpan(p * n, n), aRow[p], acc, acc);
                }
                else
                {
                    for (var j = 0; j < n; j++) acc[j] = TensorPrimitives.Dot<T>(aRow, bp.AsSpan(j * k, k));
                }
                var cRow = cp.AsSpan(i * n, n);
                // BLAS semantics: beta == 0 overwrites C (even NaN), otherwise C = alpha·acc + beta·C.
                if (beta == T.Zero) TensorPrimitives.Multiply(acc, alpha, cRow);
                else
                {
                    TensorPrimitives.Multiply(cRow, beta, cRow);
                    TensorPrimitives.MultiplyAdd(acc, alpha, cRow, cRow);
                }
            }
        });
        for (var i = 0; i < m; i++) cp.AsSpan(i * n, n).CopyTo(c.Slice(i * ldc, n));
    }
}
