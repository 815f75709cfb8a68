using QCircuitDsl.Runtime.LinearAlgebra;
using static QCircuitDsl.Runtime.Tests.LinearAlgebra.GemmReference;

namespace QCircuitDsl.Runtime.Tests.LinearAlgebra;

/// <summary>Results must be bit-identical whatever the thread count (threads split C, never the k-sum).</summary>
public class SgemmDeterminismTests
{
    // Big enough to be split across threads, with ragged edges; (13, 1000, 200) splits columns, the rest rows.
    public static TheoryData<int, int, int, bool, bool> Shapes() => new()
    {
        { 300, 257, 129, false, false },
        { 131, 97, 301, true, false },
        { 13, 1000, 200, false, true },
        { 517, 45, 600, true, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BitIdenticalForAnyThreadCount(int m, int n, int k, bool transA, bool transB)
    {
        foreach (var kind in SgemmCorrectnessTests.SupportedKinds())
        {
            var kernels = kind;
            var baseline = Run(kernels, 1, m, n, k, transA, transB);
            foreach (int threads in new[] { 2, 3, 4, 7 })
            {
                var other = Run(kernels, threads, m, n, k, transA, transB);
                Assert.True(baseline.AsSpan().SequenceEqual(other), $"{kind} with {threads} threads differs from 1 thread");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BitIdenticalAcrossKernelFamilies(int m, int n, int k, bool transA, bool transB)
    {
        // All families use the same k blocks and one fused multiply-add per term in the same order, so an
        // AVX2-only machine (or CI) reproduces an AVX-512 machine's results exactly.
        var baseline = Run(SgemmKernelKind.Scalar, 1, m, n, k, transA, transB);
        foreach (var kind in SgemmCorrectnessTests.SupportedKinds())
        {
            Assert.True(baseline.AsSpan().SequenceEqual(Run(kind, 2, m, n, k, transA, transB)), $"{kind} differs from Scalar");
        }
    }

    [Fact]
    public void PartitionSplitsWholeTilesAndCoversC()
    {
        foreach (var (m, n, k) in new[] { (300, 257, 129), (13, 1000, 200), (12544, 512, 128), (5, 5, 5) })
        {
            foreach (int threads in new[] { 1, 2, 3, 7 })
            {
                var part = GemmPartition.Choose(m, n, k, 12, 32, threads);
                int extent = part.SplitRows ? m : n;
                int covered = 0;
                for (int t = 0; t < part.Threads; t++)
                {
                    var (start, end) = part.Range(t);
                    Assert.Equal(covered, start);
                    Assert.True(start % part.Tile == 0);
                    covered = end;
                }
                Assert.Equal(extent, covered);
                Assert.InRange(part.Threads, 1, threads);
            }
        }
    }

    [Fact]
    public void SmallShapesStayOnOneThreadAndTallOnesShareB()
    {
        Assert.Equal(1, GemmPartition.Choose(200, 64, 58, 12, 32, 2).Threads);
        var tall = GemmPartition.Choose(12544, 512, 128, 12, 32, 2);
        Assert.Equal(2, tall.Threads);
        Assert.True(tall.Shared);
        // One row sliver cannot be shared out: columns are split statically instead.
        var wide = GemmPartition.Choose(12, 4096, 256, 12, 32, 2);
        Assert.False(wide.SplitRows);
        Assert.False(wide.Shared);
    }

    [Fact]
    public void SharedChunksAreWholeSliversNoTallerThanMc()
    {
        var part = GemmPartition.Choose(12544, 512, 128, 12, 32, 2);
        int rows = part.ChunkRows(144);
        Assert.Equal(0, rows % 12);
        Assert.InRange(rows, 12, 144);
        Assert.Equal(48, GemmPartition.Choose(300, 257, 129, 12, 32, 2).ChunkRows(144));
    }

    private static float[] Run(SgemmKernelKind kernels, int threads, int m, int n, int k, bool transA, bool transB)
    {
        var rng = new Random(11);
        int lda = transA ? m : k, ldb = transB ? k : n;
        var a = Random(rng, m * k);
        var b = Random(rng, k * n);
        var c = Random(rng, m * n);
        Gemm.Sgemm(transA, transB, m, n, k, 0.75f, a, lda, b, ldb, 0.5f, c, n, kernels, threads);
        return c;
    }
}

/// <summary>Several threads calling Sgemm at once: one gets the worker pool, the rest fall back; all agree bit for bit.</summary>
public class SgemmConcurrencyTests
{
    [Fact]
    public void ConcurrentCallsMatchSingleThreadedResults()
    {
        const int m = 257, n = 130, k = 300;
        var rng = new Random(21);
        var a = GemmReference.Random(rng, m * k);
        var b = GemmReference.Random(rng, k * n);
        var expected = new float[m * n];
        Gemm.Sgemm(false, false, m, n, k, 1f, a, k, b, n, 0f, expected, n, SgemmKernelSelection.Best, 1);

        var results = new float[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var c = new float[m * n];
            Gemm.Sgemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
            results[i] = c;
        });
        Assert.All(results, c => Assert.True(expected.AsSpan().SequenceEqual(c)));
    }
}
