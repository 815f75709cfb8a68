using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;
using F = QCircuitDsl.Runtime.NN.Functional;

namespace QCircuitDsl.Runtime.Tests.Ops;

/// <summary>Forward values against hand-computed numbers.</summary>
public class OpValueTests
{
    private static Tensor D(params double[] v) => Torch.Tensor(v);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.52049987781304654)]
    [InlineData(-1.0, -0.84270079294971487)]
    [InlineData(2.0, 0.99532226501895273)]
    [InlineData(4.0, 0.99999998458274210)]
    [InlineData(7.0, 1.0)]
    public void ErfMatchesReferenceValues(double x, double expected) =>
        Assert.True(Math.Abs(expected - SpecialFunctions.Erf(x)) <= 1e-15, $"erf({x}) = {SpecialFunctions.Erf(x):R}, expected {expected:R}");

    [Fact]
    public void SinglePrecisionErfStaysWithinItsDocumentedError()
    {
        for (var x = -5.0; x <= 5.0; x += 0.01)
            Assert.True(Math.Abs(SpecialFunctions.ErfSingle(x) - SpecialFunctions.Erf(x)) < 1.5e-7, $"x = {x}");
        var xs = Torch.Linspace(-4, 4, 101, DType.Float64);
        TensorAssert.Close(F.Gelu(xs).ToArray<double>(), F.Gelu(xs.Float()), 1e-6);
    }

    [Fact]
    public void ActivationValues()
    {
        TensorAssert.Close([0.8413447460685429, -0.15865525393145707, 0], F.Gelu(D(1, -1, 0)), 1e-14);
        TensorAssert.Close([0.8411919906082768], F.Gelu(D(1), "tanh"), 1e-14);
        TensorAssert.Close([Math.Log(1 + Math.E), 25], F.Softplus(D(1, 25)), 1e-14);
        TensorAssert.Close([Math.Log(1 + Math.Exp(2)) / 2, 11], F.Softplus(D(1, 11), beta: 2, threshold: 20), 1e-14);
        TensorAssert.Close([1 / (1 + Math.Exp(-1)), -1 / (1 + Math.Exp(1))], F.Silu(D(1, -1)), 1e-14);
        TensorAssert.Close([0, 2], F.Relu(D(-1, 2)));
        TensorAssert.Close([-0.1, 2], F.LeakyRelu(D(-1, 2), 0.1), 1e-15);
        Assert.True(double.IsNaN(F.Relu(D(double.NaN)).ToDouble()));
        Assert.Throws<ArgumentException>(() => F.Gelu(D(1), "fast"));
    }

    [Fact]
    public void ReductionValues()
    {
        var x = Torch.Tensor(new double[] { 1, 5, 3, 4, 2, 6 }, 2, 3);
        TensorAssert.Close([21], x.Sum());
        TensorAssert.Close([5, 7, 9], x.Sum(0));
        TensorAssert.Close([3, 4], x.Mean(1));
        Assert.Equal([2, 1], x.Mean(1, keepdim: true).Shape);
        var (values, indices) = x.Max(1);
        TensorAssert.Close([5, 6], values);
        Assert.Equal([1L, 2L], indices.ToArray<long>());
        Assert.Equal(DType.Int64, indices.DType);
        TensorAssert.Close([1, 2], x.Min(1).Values);
        TensorAssert.Close([6], x.Max());
        TensorAssert.Close([Math.Log(Math.Exp(1) + Math.Exp(5) + Math.Exp(3))], x[0].LogSumExp(0), 1e-12);
    }

    [Fact]
    public void LogSumExpIsStableForHugeAndInfiniteValues()
    {
        TensorAssert.Close([1000 + Math.Log(2)], D(1000, 1000).LogSumExp(0), 1e-9);
        Assert.Equal(double.NegativeInfinity, D(double.NegativeInfinity, double.NegativeInfinity).LogSumExp(0).ToDouble());
    }

    [Fact]
    public void SoftmaxRowsSumToOneAndMatchFormula()
    {
        var x = Torch.Tensor(new double[] { 1, 2, 3, 1000, 1000, 1000 }, 2, 3);
        var s = F.Softmax(x, 1);
        var e = new[] { Math.Exp(1), Math.Exp(2), Math.Exp(3) };
        TensorAssert.Close([e[0] / e.Sum(), e[1] / e.Sum(), e[2] / e.Sum(), 1 / 3.0, 1 / 3.0, 1 / 3.0], s, 1e-12);
        TensorAssert.Close(s.Log().ToArray<double>(), F.LogSoftmax(x, 1), 1e-12);
        TensorAssert.Close(F.Softmax(x.T.Contiguous(), 0).T.Contiguous().ToArray<double>(), s, 1e-15);
    }

    [Fact]
    public void MatMulValuesAndShapeErrors()
    {
        var a = Torch.Tensor(new double[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = Torch.Tensor(new double[] { 1, 0, 0, 1, 1, 1 }, 3, 2);
        TensorAssert.Close([4, 5, 10, 11], a.MatMul(b));
        TensorAssert.Close([14, 32], a.MatMul(D(1, 2, 3)));
        TensorAssert.Close([14], D(1, 2, 3).MatMul(D(1, 2, 3)));
        Assert.Equal([4, 2, 2], Torch.Zeros([4, 2, 3], DType.Float64).MatMul(b).Shape);
        var ex = Assert.Throws<ArgumentException>(() => a.MatMul(a));
        Assert.Contains("matmul", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        var batch = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 2, 3).MatMul(Torch.Zeros(3, 3, 1)));
        Assert.Contains("matmul", batch.Message);
        Assert.Throws<ArgumentException>(() => Torch.Scalar(1).MatMul(Torch.Zeros(2)));
    }

    [Fact]
    public void LinearValuesAndErrors()
    {
        var x = Torch.Tensor(new float[] { 1, 2 }, 1, 2);
        var w = Torch.Tensor(new float[] { 1, 1, 2, -1 }, 2, 2);
        TensorAssert.Close([3.5, 0.5], F.Linear(x, w, Torch.Tensor(new float[] { 0.5f, 0.5f })));
        var ex = Assert.Throws<ArgumentException>(() => F.Linear(Torch.Zeros(1, 3), w));
        Assert.Contains("linear", ex.Message);
        Assert.Contains("[1, 3]", ex.Message);
        Assert.Contains("[2, 2]", ex.Message);
    }

    [Fact]
    public void CrossEntropyMatchesHandComputation()
    {
        var logits = Torch.Tensor(new double[] { 1, 2, 3, 1, 1, 1 }, 2, 3);
        var target = Torch.Tensor(new long[] { 2, 0 });
        var lse0 = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3));
        var loss0 = lse0 - 3;
        var loss1 = Math.Log(3);
        TensorAssert.Close([(loss0 + loss1) / 2], F.CrossEntropy(logits, target), 1e-12);
        TensorAssert.Close([loss0 + loss1], F.CrossEntropy(logits, target, reduction: Reduction.Sum), 1e-12);
        TensorAssert.Close([loss0, loss1], F.CrossEntropy(logits, target, reduction: Reduction.None), 1e-12);
        // Ignored targets drop out of the mean's denominator.
        TensorAssert.Close([loss0], F.CrossEntropy(logits, Torch.Tensor(new long[] { 2, -100 })), 1e-12);
        Assert.True(double.IsNaN(F.CrossEntropy(logits, Torch.Tensor(new long[] { -100, -100 })).ToDouble()));
    }

    [Fact]
    public void CrossEntropyLayoutsAgree()
    {
        var ntc = Torch.Randn([2, 3, 4], new Generator(1), DType.Float64);
        var target = Torch.Tensor(new long[] { 0, 1, 2, 3, 2, 1 }, 2, 3);
        var classLast = F.CrossEntropy(ntc, target, classDim: -1);
        var classSecond = F.CrossEntropy(ntc.Permute(0, 2, 1), target);
        var flat = F.CrossEntropy(ntc.Reshape(6, 4), target.Reshape(6));
        TensorAssert.Close([classSecond.ToDouble()], classLast, 1e-12);
        TensorAssert.Close([flat.ToDouble()], classLast, 1e-12);
    }

    [Fact]
    public void LossErrorsNameTheProblem()
    {
        var logits = Torch.Zeros(2, 3);
        var dtype = Assert.Throws<ArgumentException>(() => F.CrossEntropy(logits, Torch.Zeros(2)));
        Assert.Contains("int64", dtype.Message);
        var shape = Assert.Throws<ArgumentException>(() => F.CrossEntropy(logits, Torch.Zeros([3], DType.Int64)));
        Assert.Contains("[2]", shape.Message);
        Assert.Contains("[3]", shape.Message);
        var range = Assert.Throws<IndexOutOfRangeException>(() => F.CrossEntropy(logits, Torch.Tensor(new long[] { 0, 3 })));
        Assert.Contains("3 classes", range.Message);
        var mse = Assert.Throws<ArgumentException>(() => F.MseLoss(Torch.Zeros(2), Torch.Zeros(3)));
        Assert.Contains("mse_loss", mse.Message);
    }

    [Fact]
    public void MseLossValue() =>
        TensorAssert.Close([(1 + 4 + 0) / 3.0], F.MseLoss(D(1, 2, 3), D(0, 0, 3)), 1e-15);

    [Fact]
    public void EmbeddingLooksUpRowsAndSkipsPaddingGradient()
    {
        var weight = Torch.Tensor(new double[] { 0, 0, 1, 1, 2, 2 }, 3, 2).RequiresGrad_();
        var idx = Torch.Tensor(new long[] { 2, 1, 2 });
        var y = F.Embedding(idx, weight, paddingIdx: 1);
        TensorAssert.Close([2, 2, 1, 1, 2, 2], y);
        y.Sum().Backward();
        TensorAssert.Close([0, 0, 0, 0, 2, 2], weight.Grad!);
        var ex = Assert.Throws<IndexOutOfRangeException>(() => F.Embedding(Torch.Tensor(new long[] { 3 }), weight));
        Assert.Contains("3 rows", ex.Message);
    }

    [Fact]
    public void LayerNormAndRmsNormValues()
    {
        var x = Torch.Tensor(new double[] { 1, 2, 3, 4 }, 1, 4);
        var mean = 2.5;
        var variance = (2.25 + 0.25 + 0.25 + 2.25) / 4;
        var expected = new[] { 1.0, 2, 3, 4 }.Select(v => (v - mean) / Math.Sqrt(variance + 1e-5)).ToArray();
        TensorAssert.Close(expected, F.LayerNorm(x, [4]), 1e-12);
        var ms = (1 + 4 + 9 + 16) / 4.0;
        var w = D(1, 2, 1, 2);
        TensorAssert.Close([1 / Math.Sqrt(ms + 1e-6), 4 / Math.Sqrt(ms + 1e-6), 3 / Math.Sqrt(ms + 1e-6), 8 / Math.Sqrt(ms + 1e-6)],
            F.RmsNorm(x, [4], w, 1e-6), 1e-12);
        var ex = Assert.Throws<ArgumentException>(() => F.LayerNorm(x, [3]));
        Assert.Contains("[1, 4]", ex.Message);
        Assert.Contains("[3]", ex.Message);
    }

    [Fact]
    public void CausalDepthwiseConvMatchesDefinition()
    {
        // One batch, 2 channels, length 4, kernel 3.
        var x = Torch.Tensor(new double[] { 1, 2, 3, 4, 10, 20, 30, 40 }, 1, 2, 4);
        var w = Torch.Tensor(new double[] { 1, 0, 0, 0.5, 0.25, 2 }, 2, 1, 3);
        var b = D(100, -1);
        var y = F.CausalDepthwiseConv1d(x, w, b);
        // Channel 0 has w = [1, 0, 0]: y[t] = x[t-2] + 100.
        // Channel 1 has w = [0.5, 0.25, 2]: y[t] = 0.5·x[t-2] + 0.25·x[t-1] + 2·x[t] − 1.
        TensorAssert.Close([100, 100, 101, 102, 19, 41.5, 69, 96.5], y, 1e-12);
        var ex = Assert.Throws<ArgumentException>(() => F.CausalDepthwiseConv1d(x, Torch.Zeros([3, 1, 2], DType.Float64)));
        Assert.Contains("[C, 1, K]", ex.Message);
    }

    [Fact]
    public void DropoutIsReproducibleScaledAndOffInEval()
    {
        var x = Torch.Ones(1000);
        var a = F.Dropout(x, 0.3, true, new Generator(11));
        var b = F.Dropout(x, 0.3, true, new Generator(11));
        TensorAssert.BitIdentical(a, b);
        var values = a.ToArray<float>();
        Assert.All(values, v => Assert.True(v == 0f || Math.Abs(v - 1 / 0.7f) < 1e-6));
        Assert.InRange(values.Count(v => v == 0), 230, 370);
        Assert.Same(x, F.Dropout(x, 0.3, training: false));
        Assert.All(F.Dropout(x, 1.0).ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentException>(() => F.Dropout(x, 1.5));
    }

    [Fact]
    public void ClipGradNormScalesGradientsAndReturnsTheNorm()
    {
        var a = Torch.Zeros([2], DType.Float64, requiresGrad: true);
        var b = Torch.Zeros([1], DType.Float64, requiresGrad: true);
        a.Grad = D(3, 0);
        b.Grad = D(4);
        var norm = Utils.ClipGradNorm_([a, b], 1.0);
        Assert.Equal(5.0, norm, 12);
        TensorAssert.Close([3 / (5 + 1e-6), 0], a.Grad, 1e-12);
        TensorAssert.Close([4 / (5 + 1e-6)], b.Grad, 1e-12);
        Assert.Equal(1.0, Utils.ClipGradNorm_([a, b], 10.0), 5);
        TensorAssert.Close([3 / (5 + 1e-6), 0], a.Grad, 1e-12); // below the limit: untouched
        Assert.Equal(4 / (5 + 1e-6), Utils.ClipGradNorm_([a, b], 10.0, double.PositiveInfinity), 9);
        b.Grad = D(double.NaN);
        Assert.Throws<InvalidOperationException>(() => Utils.ClipGradNorm_([a, b], 1.0, errorIfNonfinite: true));
    }
}
