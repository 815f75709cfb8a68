using QCircuitDsl.Runtime.LinearAlgebra;

namespace QCircuitDsl.Runtime.Tests.LinearAlgebra;

/// <summary>Each bad argument is rejected up front, naming the argument (and the length it needed).</summary>
public class GemmArgumentTests
{
    // A valid 2×3 · 3×4 problem to perturb one argument at a time.
    private const int M = 2, N = 4, K = 3;

    private static Exception Sgemm(int m = M, int n = N, int k = K, int aLength = M * K, int lda = K,
        int bLength = K * N, int ldb = N, int cLength = M * N, int ldc = N, bool transA = false, bool transB = false) =>
        Record.Exception(() => Gemm.Sgemm(transA, transB, m, n, k, 1f, new float[aLength], lda, new float[bLength], ldb, 0f, new float[cLength], ldc))!;

    private static Exception Dgemm(int m = M, int n = N, int k = K, int aLength = M * K, int lda = K,
        int bLength = K * N, int ldb = N, int cLength = M * N, int ldc = N) =>
        Record.Exception(() => Gemm.Dgemm(false, false, m, n, k, 1, new double[aLength], lda, new double[bLength], ldb, 0, new double[cLength], ldc))!;

    [Fact]
    public void ValidArgumentsDoNotThrow()
    {
        Assert.Null(Record.Exception(() => Sgemm()));
        Assert.Null(Record.Exception(() => Dgemm()));
    }

    [Theory]
    [InlineData("m")]
    [InlineData("n")]
    [InlineData("k")]
    public void NegativeSizes(string name)
    {
        var e = Sgemm(m: name == "m" ? -1 : M, n: name == "n" ? -1 : N, k: name == "k" ? -1 : K);
        Assert.Equal(name, Assert.IsType<ArgumentOutOfRangeException>(e).ParamName);
        var d = Dgemm(m: name == "m" ? -1 : M, n: name == "n" ? -1 : N, k: name == "k" ? -1 : K);
        Assert.Equal(name, Assert.IsType<ArgumentOutOfRangeException>(d).ParamName);
    }

    [Fact]
    public void LeadingDimensionsBelowRowLength()
    {
        AssertOutOfRange(Sgemm(lda: K - 1), "lda", "at least 3");
        AssertOutOfRange(Sgemm(ldb: N - 1), "ldb", "at least 4");
        AssertOutOfRange(Sgemm(ldc: N - 1), "ldc", "at least 4");
        // Transposed A is stored k×m, so its rows have m elements; transposed B is stored n×k.
        AssertOutOfRange(Sgemm(transA: true, lda: M - 1), "lda", "at least 2");
        AssertOutOfRange(Sgemm(transB: true, ldb: K - 1), "ldb", "at least 3");
        AssertOutOfRange(Dgemm(lda: K - 1), "lda", "at least 3");
    }

    [Fact]
    public void SpansTooShort()
    {
        AssertTooShort(Sgemm(aLength: M * K - 1), "a", "at least 6");
        AssertTooShort(Sgemm(bLength: K * N - 1), "b", "at least 12");
        AssertTooShort(Sgemm(cLength: M * N - 1), "c", "at least 8");
        // With a leading dimension of 10 the last row starts at 10: 2×4 needs 10 + 4 elements.
        AssertTooShort(Sgemm(ldc: 10, cLength: 13), "c", "at least 14");
        AssertTooShort(Dgemm(bLength: 11), "b", "at least 12");
    }

    [Fact]
    public void OutputOverlappingAnInputIsRejected()
    {
        var buffer = new float[32];
        var e = Record.Exception(() => Gemm.Sgemm(false, false, 2, 2, 2, 1f, buffer.AsSpan(0, 4), 2, buffer.AsSpan(8, 4), 2, 0f, buffer.AsSpan(2, 4), 2));
        Assert.Equal("c", Assert.IsType<ArgumentException>(e).ParamName);
        e = Record.Exception(() => Gemm.Sgemm(false, false, 2, 2, 2, 1f, buffer.AsSpan(0, 4), 2, buffer.AsSpan(8, 4), 2, 0f, buffer.AsSpan(10, 4), 2));
        Assert.Equal("c", Assert.IsType<ArgumentException>(e).ParamName);
    }

    [Fact]
    public void MaxDegreeOfParallelismMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.MaxDegreeOfParallelism = 0);
        Assert.True(Gemm.MaxDegreeOfParallelism >= 1);
    }

    private static void AssertOutOfRange(Exception e, string name, string fragment)
    {
        var ex = Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(fragment, ex.Message);
    }

    private static void AssertTooShort(Exception e, string name, string fragment)
    {
        var ex = Assert.IsType<ArgumentException>(e);
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(fragment, ex.Message);
    }
}
