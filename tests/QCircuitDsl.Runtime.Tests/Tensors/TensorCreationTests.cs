using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Tensors;

public class TensorCreationTests
{
    [Fact]
    public void FactoriesProduceShapeDtypeAndValues()
    {
        var z = Torch.Zeros(2, 3);
        Assert.Equal([2, 3], z.Shape);
        Assert.Equal(DType.Float32, z.DType);
        Assert.All(z.ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.All(Torch.Ones([4], DType.Float64).ToArray<double>(), v => Assert.Equal(1.0, v));
        TensorAssert.Close([2.5, 2.5], Torch.Full([2], 2.5));
        TensorAssert.Close([0, 1, 2, 3], Torch.Arange(4));
        TensorAssert.Close([1, 1.5, 2], Torch.Arange(1, 2.5, 0.5));
        TensorAssert.Close([0, 0.25, 0.5, 0.75, 1], Torch.Linspace(0, 1, 5));
        TensorAssert.Close([1, 0, 0, 1], Torch.Eye(2));
        Assert.Equal(DType.Int64, Torch.Arange(3, DType.Int64).DType);
        Assert.Equal(Device.CPU, z.Device);
        Assert.Equal("cpu", z.Device.ToString());
    }

    [Fact]
    public void FromDataCopiesTheArrayAndChecksItsLength()
    {
        var data = new float[] { 1, 2, 3, 4 };
        var t = Torch.Tensor(data, 2, 2);
        data[0] = 100;
        Assert.Equal(1f, t.ToArray<float>()[0]);
        Assert.Equal([4], Torch.Tensor(data).Shape);
        var ex = Assert.Throws<ArgumentException>(() => Torch.Tensor(data, 3, 2));
        Assert.Contains("[3, 2]", ex.Message);
        Assert.Equal([2, 3], Torch.Tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }).Shape);
        Assert.Empty(Torch.Scalar(3).Shape);
        Assert.Equal(3.0, Torch.Scalar(3).ToDouble());
    }

    [Fact]
    public void NegativeDimensionIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros([2, -1]));
        Assert.Contains("negative dimension", ex.Message);
    }

    [Fact]
    public void SameSeedGivesSameNumbersAndDifferentSeedsDiffer()
    {
        var a = Torch.Randn([5, 7], new Generator(42));
        var b = Torch.Randn([5, 7], new Generator(42));
        var c = Torch.Randn([5, 7], new Generator(43));
        TensorAssert.BitIdentical(a, b);
        Assert.NotEqual(a.ToArray<float>(), c.ToArray<float>());

        Torch.ManualSeed(7);
        var d = Torch.Rand(10);
        Torch.ManualSeed(7);
        TensorAssert.BitIdentical(d, Torch.Rand(10));
    }

    [Fact]
    public void GeneratorStateCanBeSavedAndRestored()
    {
        var g = new Generator(1);
        g.NextUInt64();
        var state = g.GetState();
        var expected = Torch.Randn([4], g).ToArray<float>();
        g.SetState(state);
        Assert.Equal(expected, Torch.Randn([4], g).ToArray<float>());
        Assert.Equal(1, g.InitialSeed);
    }

    [Fact]
    public void GeneratorFirstOutputsArePinned()
    {
        // Pins the documented algorithm (SplitMix64-seeded xoshiro256**) so a change is noticed.
        var g = new Generator(0);
        var first = g.NextUInt64();
        var again = new Generator(0).NextUInt64();
        Assert.Equal(first, again);
        Assert.Equal(0x99EC5F36CB75F2B4UL, first);
    }

    [Fact]
    public void DistributionsHaveTheRequestedMomentsAndRanges()
    {
        var n = Torch.Normal([20000], 2.0, 3.0, new Generator(5), DType.Float64).ToArray<double>();
        var mean = n.Average();
        var std = Math.Sqrt(n.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, 1.9, 2.1);
        Assert.InRange(std, 2.9, 3.1);
        Assert.All(Torch.Uniform([1000], -1, 2, new Generator(6)).ToArray<float>(), v => Assert.InRange(v, -1f, 2f));
        Assert.All(Torch.Randint(3, 7, [1000], new Generator(8)).ToArray<long>(), v => Assert.InRange(v, 3L, 6L));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), Torch.Randperm(10, new Generator(9)).ToArray<long>().Order());
    }

    [Fact]
    public void RequiresGradOnlyForFloatLeaves()
    {
        var x = Torch.Ones([2], requiresGrad: true);
        Assert.True(x.RequiresGrad);
        Assert.True(x.IsLeaf);
        var y = x * 2.0;
        Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Zeros([2], DType.Int64).RequiresGrad = true);
        Assert.Contains("floating point", ex.Message);
    }

    [Fact]
    public void DtypeConversionRoundTrips()
    {
        var x = Torch.Tensor(new float[] { 1.5f, -2f });
        var d = x.Double();
        Assert.Equal(DType.Float64, d.DType);
        Assert.Equal([1.5, -2.0], d.ToArray<double>());
        Assert.Equal([1L, -2L], x.Long().ToArray<long>());
        Assert.Same(x, x.To(DType.Float32));
    }
}
