using QCircuitDsl.Runtime.LinearAlgebra;

namespace QCircuitDsl.Runtime.Tests.LinearAlgebra;

/// <summary>Dgemm (used for gradient checks) against a naive triple loop.</summary>
public class DgemmTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void MatchesNaiveReference(bool transA, bool transB)
    {
        var rng = new Random(5);
        foreach (var (m, n, k) in new[] { (1, 1, 1), (3, 5, 7), (17, 9, 33), (1, 40, 0), (20, 1, 13) })
        {
            foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 2.0) })
            {
                int pad = 2;
                int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
                var a = Random(rng, (transA ? k : m) * lda);
                var b = Random(rng, (transB ? n : k) * ldb);
                var c = Random(rng, m * ldc);
                var expected = (double[])c.Clone();
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double sum = 0;
                        for (int p = 0; p < k; p++)
                            sum += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
                        expected[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j]);
                    }
                }

                Gemm.Dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
                for (int t = 0; t < c.Length; t++) Assert.Equal(expected[t], c[t], 1e-12);
            }
        }
    }

    [Fact]
    public void BetaZeroOverwritesNaN()
    {
        var c = new[] { double.NaN, double.NaN };
        Gemm.Dgemm(false, false, 1, 2, 1, 1, new[] { 2.0 }, 1, new[] { 3.0, 4.0 }, 2, 0, c, 2);
        Assert.Equal(new[] { 6.0, 8.0 }, c);
    }

    private static double[] Random(Random rng, int length)
    {
        var x = new double[length];
        for (int i = 0; i < length; i++) x[i] = rng.NextDouble() * 2 - 1;
        return x;
    }
}
