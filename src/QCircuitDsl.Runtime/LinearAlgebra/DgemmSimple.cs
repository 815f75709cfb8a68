using System.Buffers;
using System.Numerics.Tensors;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// Straightforward float64 GEMM: each row of C is accumulated as a sum of scaled rows of op(B) (vectorised
/// by TensorPrimitives), then combined with beta·C. Transposed B is copied once so its rows are contiguous.
/// </summary>
internal static class DgemmSimple
{
    public static void Run(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        if (m == 0 || n == 0) return;

        double[]? bCopy = null;
        double[] acc = ArrayPool<double>.Shared.Rent(n);
        try
        {
            ReadOnlySpan<double> rowsOfB = b;
            int ldRows = ldb;
            if (transB && k > 0)
            {
                bCopy = ArrayPool<double>.Shared.Rent(k * n);
                for (int j = 0; j < n; j++)
                    for (int p = 0; p < k; p++)
                        bCopy[p * n + j] = b[j * ldb + p];
                rowsOfB = bCopy;
                ldRows = n;
            }

            var sum = acc.AsSpan(0, n);
            for (int i = 0; i < m; i++)
            {
                sum.Clear();
                if (alpha != 0)
                {
                    for (int p = 0; p < k; p++)
                    {
                        double x = transA ? a[p * lda + i] : a[i * lda + p];
                        if (x != 0) TensorPrimitives.FusedMultiplyAdd(rowsOfB.Slice(p * ldRows, n), x, sum, sum);
                    }
                }

                var row = c.Slice(i * ldc, n);
                if (beta == 0)
                {
                    TensorPrimitives.Multiply(sum, alpha, row);
                }
                else
                {
                    TensorPrimitives.Multiply(row, beta, row);
                    TensorPrimitives.FusedMultiplyAdd(sum, alpha, row, row);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(acc);
            if (bCopy is not null) ArrayPool<double>.Shared.Return(bCopy);
        }
    }
}
