using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Autograd;

/// <summary>Unbind gives the same slices and gradients as a loop of Select calls.</summary>
public class UnbindTests
{
    private static Tensor Sequence() =>
        Torch.Randn([2, 4, 3], new Generator(7), DType.Float64, requiresGrad: true);

    [Fact]
    public void SlicesEqualSelectAlongEveryDimension()
    {
        var x = Sequence();
        for (int dim = 0; dim < 3; dim++)
        {
            var slices = x.Unbind(dim);
            Assert.Equal(x.Size(dim), slices.Length);
            for (int t = 0; t < slices.Length; t++)
                Assert.Equal(x.Select(dim, t).ToArray<double>(), slices[t].ToArray<double>());
        }

        Assert.Equal(x.Size(2), x.Unbind(-1).Length);
    }

    [Fact]
    public void GradientEqualsTheSelectLoop()
    {
        var viaUnbind = Sequence();
        var viaSelect = Sequence();
        var slices = viaUnbind.Unbind(1);
        Tensor lossA = slices[0].Sum(), lossB = viaSelect.Select(1, 0).Sum();
        for (int t = 1; t < slices.Length; t++)
        {
            if (t == 2) continue; // an unused step gets a zero gradient either way
            lossA = lossA + (slices[t] * slices[t]).Sum() * (double)t;
            var s = viaSelect.Select(1, t);
            lossB = lossB + (s * s).Sum() * (double)t;
        }

        lossA.Backward();
        lossB.Backward();
        Assert.Equal(viaSelect.Grad!.ToArray<double>(), viaUnbind.Grad!.ToArray<double>());
    }

    [Fact]
    public void AnEmptyDimensionGivesNoSlices()
    {
        Assert.Empty(Torch.Zeros(new[] { 2, 0, 3 }).Unbind(1));
    }
}
