using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Tensors;

public class BroadcastingTests
{
    [Fact]
    public void TrailingDimensionsAreAligned()
    {
        var a = Torch.Tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = Torch.Tensor(new float[] { 10, 20, 30 });
        TensorAssert.Close([11, 22, 33, 14, 25, 36], a + b);
        TensorAssert.Close([-9, -18, -27, -6, -15, -24], a - b);
    }

    [Fact]
    public void SizeOneDimensionsStretchOnBothSides()
    {
        var col = Torch.Tensor(new double[] { 1, 2 }, 2, 1);
        var row = Torch.Tensor(new double[] { 10, 20, 30 }, 1, 3);
        var r = col * row;
        Assert.Equal([2, 3], r.Shape);
        TensorAssert.Close([10, 20, 30, 20, 40, 60], r);
    }

    [Fact]
    public void ScalarsAndZeroDimTensorsBroadcast()
    {
        var a = Torch.Tensor(new float[] { 1, 2 });
        TensorAssert.Close([3, 4], a + 2.0);
        TensorAssert.Close([1, 0], 2.0 - a);
        TensorAssert.Close([2, 1], 2.0 / a);
        TensorAssert.Close([5, 10], a * Torch.Scalar(5));
    }

    [Fact]
    public void StridedOperandsGiveTheSameResultAsContiguousOnes()
    {
        var x = Torch.Randn([4, 5], new Generator(3));
        var y = Torch.Randn([5, 4], new Generator(4));
        TensorAssert.Close((x + y.T.Contiguous()).ToArray<double>(), x + y.T, 0);
        TensorAssert.Close((x.T.Contiguous() * y).ToArray<double>(), x.T * y, 0);
    }

    [Fact]
    public void IncompatibleShapesNameTheOpAndBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 3) + Torch.Zeros(4));
        Assert.Contains("add", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
        var mul = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 3) * Torch.Zeros(3, 2));
        Assert.Contains("mul", mul.Message);
    }

    [Fact]
    public void MixedDtypesAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(2) + Torch.Zeros([2], DType.Float64));
        Assert.Contains("float32", ex.Message);
        Assert.Contains("float64", ex.Message);
    }

    [Fact]
    public void InPlaceAddBroadcastsIntoTheDestinationOnly()
    {
        var x = Torch.Zeros(2, 3);
        x.Add_(Torch.Tensor(new float[] { 1, 2, 3 }), alpha: 2);
        TensorAssert.Close([2, 4, 6, 2, 4, 6], x);
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(3).Add_(Torch.Zeros(2, 3)));
        Assert.Contains("add_", ex.Message);
    }
}
