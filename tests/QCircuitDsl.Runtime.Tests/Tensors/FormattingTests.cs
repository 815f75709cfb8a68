using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Tensors;

public class FormattingTests
{
    [Fact]
    public void IntegralFloatMatrixPrintsLikePyTorch() =>
        Assert.Equal("tensor([[1., 2.],\n        [3., 4.]])", Torch.Tensor(new float[] { 1, 2, 3, 4 }, 2, 2).ToString());

    [Fact]
    public void FractionsUseFourDecimalsAndAlignedWidth() =>
        Assert.Equal("tensor([ 0.5000, -1.2500])", Torch.Tensor(new float[] { 0.5f, -1.25f }).ToString());

    [Fact]
    public void DtypeAndAutogradSuffixes()
    {
        Assert.Equal("tensor([1., 2.], dtype=float64)", Torch.Tensor(new double[] { 1, 2 }).ToString());
        var x = Torch.Ones([2], requiresGrad: true);
        Assert.Equal("tensor([1., 1.], requires_grad=True)", x.ToString());
        Assert.Equal("tensor([2., 2.], grad_fn=<MulBackward>)", (x * 2.0).ToString());
        Assert.Equal("tensor(3.)", Torch.Scalar(3).ToString());
        Assert.Equal("tensor([1, 2])", Torch.Tensor(new long[] { 1, 2 }).ToString());
    }

    [Fact]
    public void LargeTensorsAreSummarised()
    {
        var text = Torch.Arange(5000).ToString();
        Assert.Contains("...", text);
        Assert.StartsWith("tensor([   0.,    1.,    2., ...", text);
    }

    [Fact]
    public void WideMagnitudeRangeSwitchesToScientific() =>
        Assert.Equal("tensor([1.0000e-05, 1.0000e+02])", Torch.Tensor(new double[] { 1e-5, 100 }).Float().ToString());
}
