using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;
using F = QCircuitDsl.Runtime.NN.Functional;

namespace QCircuitDsl.Runtime.Tests.Ops;

/// <summary>Results must be bit-identical whatever the thread count.</summary>
public class DeterminismTests
{
    private static Tensor[] RunWorkload()
    {
        var g = new Generator(2024);
        var a = Torch.Randn([257, 300], g, requiresGrad: true);
        var b = Torch.Randn([300, 129], g);
        var h = a.MatMul(b);
        var loss = F.LogSoftmax(F.Gelu(h), 1).Sum(0).Mean() + a.Sum() + F.LayerNorm(h, [129]).Square().Sum();
        loss.Backward();
        var big = Torch.Randn([1 << 18], g);
        return [h, loss, a.Grad!, big.Exp().Sum(), (big * 2.0 + 1.0).Sigmoid()];
    }

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var previous = Torch.GetNumThreads();
        try
        {
            Torch.SetNumThreads(1);
            var single = RunWorkload();
            Torch.SetNumThreads(4);
            var multi = RunWorkload();
            for (var i = 0; i < single.Length; i++) TensorAssert.BitIdentical(single[i], multi[i]);
        }
        finally
        {
            Torch.SetNumThreads(previous);
        }
    }

    [Fact]
    public void MatMulMatchesNaiveTripleLoop()
    {
        var g = new Generator(5);
        var a = Torch.Randn([33, 17], g, DType.Float64);
        var b = Torch.Randn([17, 29], g, DType.Float64);
        var av = a.ToArray<double>();
        var bv = b.ToArray<double>();
        var expected = new double[33 * 29];
        for (var i = 0; i < 33; i++)
            for (var j = 0; j < 29; j++)
                for (var p = 0; p < 17; p++)
                    expected[i * 29 + j] += av[i * 17 + p] * bv[p * 29 + j];
        TensorAssert.Close(expected, a.MatMul(b), 1e-12);
        TensorAssert.Close(expected, a.T.Contiguous().T.MatMul(b.T.Contiguous().T), 1e-12);
        var af = a.Float();
        TensorAssert.Close(expected, af.MatMul(b.Float()), 1e-4);
    }

    [Fact]
    public void Float32MatMulOfATensorWithItsOwnTransposeUsesSharedStorageSafely()
    {
        var x = Torch.Randn([6, 5], new Generator(8));
        var gram = x.MatMul(x.T);
        var reference = x.Double().MatMul(x.Double().T);
        TensorAssert.Close(reference.ToArray<double>(), gram, 1e-5);
        var batched = Torch.Randn([2, 3, 4], new Generator(9));
        TensorAssert.Close(batched.Double().MatMul(batched.Double().MT).ToArray<double>(), batched.MatMul(batched.MT), 1e-5);
    }
}
