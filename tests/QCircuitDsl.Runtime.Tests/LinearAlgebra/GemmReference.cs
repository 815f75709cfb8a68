namespace QCircuitDsl.Runtime.Tests.LinearAlgebra;

/// <summary>Test helpers: a naive triple-loop GEMM in double, random operands, and an error-bound check.</summary>
internal static class GemmReference
{
    /// <summary>alpha·op(A)·op(B) + beta·C0 in double (beta == 0 ignores C0, as BLAS does), plus a per-element error scale.</summary>
    public static (double[] Value, double[] Scale) Compute(bool transA, bool transB, int m, int n, int k, double alpha,
        IReadOnlyList<float> a, int lda, IReadOnlyList<float> b, int ldb, double beta, IReadOnlyList<float> c0, int ldc)
    {
        var value = new double[m * n];
        var scale = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = transA ? a[p * lda + i] : a[i * lda + p];
                    double y = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += x * y;
                    abs += Math.Abs(x * y);
                }
                double old = beta == 0 ? 0 : beta * c0[i * ldc + j];
                value[i * n + j] = alpha * sum + old;
                scale[i * n + j] = Math.Abs(alpha) * abs + Math.Abs(old);
            }
        }
        return (value, scale);
    }

    public static float[] Random(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }

    /// <summary>Length of a row-major rows×cols matrix with leading dimension ld (0 when empty).</summary>
    public static int Length(int rows, int cols, int ld) => rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;

    /// <summary>
    /// Asserts C matches the reference within float rounding ((k + 2) ulp-ish of the magnitude summed), and
    /// that padding between rows (leading dimension beyond n) was left untouched.
    /// </summary>
    public static void AssertClose(float[] actual, float[] original, int m, int n, int k, int ldc, double[] expected, double[] scale)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double tol = (k + 2) * 1.2e-7 * scale[i * n + j] + 1e-30;
                double got = actual[i * ldc + j];
                if (!(Math.Abs(got - expected[i * n + j]) <= tol))
                {
                    Assert.Fail($"C[{i},{j}] = {got}, expected {expected[i * n + j]} ± {tol}");
                }
            }
            for (int j = n; j < ldc && i * ldc + j < actual.Length; j++)
            {
                Assert.Equal(original[i * ldc + j], actual[i * ldc + j]);
            }
        }
    }
}
