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
    public void SmallShapesStayOnOneThread()
    {
        Assert.Equal(1, GemmPartition.Choose(200, 64, 58, 12, 32, 2).Threads);
        Assert.Equal(2, GemmPartition.Choose(12544, 512, 128, 12, 32, 2).Threads);
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
