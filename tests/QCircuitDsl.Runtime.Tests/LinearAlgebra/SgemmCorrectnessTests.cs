using QCircuitDsl.Runtime.LinearAlgebra;
using static QCircuitDsl.Runtime.Tests.LinearAlgebra.GemmReference;

namespace QCircuitDsl.Runtime.Tests.LinearAlgebra;

/// <summary>Sgemm against a double-precision triple loop, for every kernel family this machine can run.</summary>
public class SgemmCorrectnessTests
{
    // (m, n, k): tiny and odd sizes, exact and ragged micro-tiles (12×32, 6×16, 4×4), k just past a k block
    // (256), the models' shapes, and shapes big enough to be split across threads.
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (1, 7, 3), (5, 1, 9), (1, 1, 600), (12, 32, 17), (13, 33, 5), (6, 16, 8), (11, 15, 2),
        (24, 64, 256), (25, 47, 257), (37, 16, 1), (3, 100, 513), (100, 3, 40), (200, 64, 58), (200, 40, 64),
        (64, 40, 650), (131, 97, 301), (13, 1000, 200),
    ];

    // Kernel kinds are internal, so theories carry their names.
    public static TheoryData<string, bool, bool> Configurations()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var kind in SupportedKinds())
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    data.Add(kind.ToString(), ta, tb);
        return data;
    }

    internal static IEnumerable<SgemmKernelKind> SupportedKinds()
    {
        yield return SgemmKernelKind.Scalar;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported)
            yield return SgemmKernelKind.Vector256;
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
            yield return SgemmKernelKind.Vector512;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void MatchesNaiveReference(string kind, bool transA, bool transB)
    {
        var rng = new Random(42);
        var kernels = Enum.Parse<SgemmKernelKind>(kind);
        foreach (var (m, n, k) in Shapes)
        {
            foreach (int pad in new[] { 0, 3 })
            {
                foreach (var (alpha, beta) in new[] { (1f, 0f), (0.5f, -1.25f), (-2f, 1f) })
                {
                    RunCase(rng, kernels, transA, transB, m, n, k, pad, alpha, beta, threads: 2);
                }
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void PublicEntryPointMatchesReference(bool transA, bool transB)
    {
        var rng = new Random(7);
        foreach (var (m, n, k) in Shapes)
        {
            int lda = (transA ? m : k) + 1, ldb = (transB ? k : n) + 2, ldc = n + 1;
            var a = Random(rng, Length(transA ? k : m, transA ? m : k, lda));
            var b = Random(rng, Length(transB ? n : k, transB ? k : n, ldb));
            var c = Random(rng, Length(m, n, ldc));
            var original = (float[])c.Clone();
            var (expected, scale) = Compute(transA, transB, m, n, k, 1.5, a, lda, b, ldb, 0.25, original, ldc);
            Gemm.Sgemm(transA, transB, m, n, k, 1.5f, a, lda, b, ldb, 0.25f, c, ldc);
            AssertClose(c, original, m, n, k, ldc, expected, scale);
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-3f)]
    public void ZeroDepthScalesCByBeta(float beta)
    {
        var c = new float[] { 1, 2, 3, 4, 5, 6 };
        Gemm.Sgemm(false, false, 2, 3, 0, 1f, ReadOnlySpan<float>.Empty, 0, ReadOnlySpan<float>.Empty, 3, beta, c, 3);
        Assert.Equal(new[] { 1 * beta, 2 * beta, 3 * beta, 4 * beta, 5 * beta, 6 * beta }, c);
    }

    [Fact]
    public void BetaZeroOverwritesNaNInC()
    {
        var rng = new Random(3);
        var a = Random(rng, 40 * 30);
        var b = Random(rng, 30 * 50);
        var c = Enumerable.Repeat(float.NaN, 40 * 50).ToArray();
        Gemm.Sgemm(false, false, 40, 50, 30, 1f, a, 30, b, 50, 0f, c, 50);
        Assert.All(c, x => Assert.False(float.IsNaN(x)));
    }

    [Fact]
    public void AlphaZeroDoesNotReadAOrB()
    {
        var a = Enumerable.Repeat(float.NaN, 6).ToArray();
        var b = Enumerable.Repeat(float.NaN, 6).ToArray();
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Sgemm(false, false, 2, 2, 3, 0f, a, 3, b, 2, 2f, c, 2);
        Assert.Equal(new float[] { 2, 4, 6, 8 }, c);
    }

    [Fact]
    public void EmptyOutputIsANoOp()
    {
        var a = new float[] { 1, 2, 3 };
        Gemm.Sgemm(false, false, 0, 5, 3, 1f, ReadOnlySpan<float>.Empty, 3, new float[15], 5, 0f, Span<float>.Empty, 5);
        Gemm.Sgemm(false, false, 1, 0, 3, 1f, a, 3, ReadOnlySpan<float>.Empty, 0, 0f, Span<float>.Empty, 0);
    }

    [Fact]
    public void SingleRowTimesMatrix()
    {
        // m = 1: a vector-matrix product, all in one ragged edge tile.
        var a = new float[] { 1, 2, 3 };
        var b = new float[] { 1, 0, 0, 1, 1, 1 }; // 3×2
        var c = new float[2];
        Gemm.Sgemm(false, false, 1, 2, 3, 1f, a, 3, b, 2, 0f, c, 2);
        Assert.Equal(new float[] { 4, 5 }, c);
    }

    private static void RunCase(Random rng, SgemmKernelKind kernels, bool transA, bool transB,
        int m, int n, int k, int pad, float alpha, float beta, int threads)
    {
        int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        var a = Random(rng, Length(transA ? k : m, transA ? m : k, lda) + pad);
        var b = Random(rng, Length(transB ? n : k, transB ? k : n, ldb) + pad);
        var c = Random(rng, Length(m, n, ldc) + pad);
        var original = (float[])c.Clone();
        var (expected, scale) = Compute(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, original, ldc);
        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, kernels, threads);
        AssertClose(c, original, m, n, k, ldc, expected, scale);
        // Elements past the matrix's last row (span slack) must be untouched too.
        for (int t = Length(m, n, ldc); t < c.Length; t++) Assert.Equal(original[t], c[t]);
    }
}
