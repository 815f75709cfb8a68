using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Tensors;

public class ViewTests
{
    private static Tensor Grid() => Torch.Arange(12).Reshape(3, 4);

    [Fact]
    public void ViewsShareStorage()
    {
        var x = Grid();
        var v = x.View(4, 3);
        v.Select(0, 0).Fill_(-1);
        TensorAssert.Close([-1, -1, -1, 3], x.Select(0, 0));
        x.Transpose(0, 1).Select(0, 1).Fill_(9);
        TensorAssert.Close([9, 9, 9], x.Select(1, 1));
    }

    [Fact]
    public void TransposeSwapsStridesWithoutCopying()
    {
        var t = Grid().T;
        Assert.Equal([4, 3], t.Shape);
        Assert.Equal([1, 4], t.Strides);
        Assert.False(t.IsContiguous);
        TensorAssert.Close([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], t);
        var c = t.Contiguous();
        Assert.True(c.IsContiguous);
        Assert.Equal([3, 1], c.Strides);
    }

    [Fact]
    public void ViewOfNonContiguousTensorFailsButReshapeCopies()
    {
        var t = Grid().T;
        var ex = Assert.Throws<InvalidOperationException>(() => t.View(12));
        Assert.Contains("Reshape", ex.Message);
        TensorAssert.Close([0, 4, 8, 1], t.Reshape(12).Narrow(0, 0, 4));
    }

    [Fact]
    public void ReshapeInfersOneDimensionAndReportsBadShapes()
    {
        Assert.Equal([2, 6], Grid().Reshape(2, -1).Shape);
        var ex = Assert.Throws<ArgumentException>(() => Grid().Reshape(5, -1));
        Assert.Contains("[5, -1]", ex.Message);
        Assert.Contains("12", ex.Message);
        Assert.Throws<ArgumentException>(() => Grid().Reshape(-1, -1));
    }

    [Fact]
    public void NarrowSliceSelectAndIndexer()
    {
        var x = Grid();
        TensorAssert.Close([5, 6, 9, 10], x.Narrow(0, 1, 2).Narrow(1, 1, 2));
        TensorAssert.Close([2, 3, 6, 7, 10, 11], x.Slice(1, -2, null));
        TensorAssert.Close([1, 5, 9], x.Select(1, 1));
        Assert.Equal(7.0, x[1, 3].ToDouble());
        TensorAssert.Close([8, 9, 10, 11], x[-1]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => x.Narrow(1, 2, 3));
        Assert.Contains("narrow", ex.Message);
        Assert.Throws<IndexOutOfRangeException>(() => x.Select(0, 3));
    }

    [Fact]
    public void SqueezeUnsqueezeFlattenPermute()
    {
        var x = Torch.Zeros(2, 1, 3);
        Assert.Equal([2, 3], x.Squeeze().Shape);
        Assert.Equal([2, 3], x.Squeeze(1).Shape);
        Assert.Equal([2, 1, 3], x.Squeeze(0).Shape);
        Assert.Equal([2, 1, 3, 1], x.Unsqueeze(-1).Shape);
        Assert.Equal([1, 2, 1, 3], x.Unsqueeze(0).Shape);
        Assert.Equal([6], x.Flatten().Shape);
        Assert.Equal([3, 2, 1], x.Permute(2, 0, 1).Shape);
        Assert.Throws<ArgumentException>(() => x.Permute(0, 1));
        Assert.Throws<ArgumentException>(() => x.Permute(0, 0, 1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => x.Unsqueeze(5));
        Assert.Contains("dimension out of range", ex.Message);
    }

    [Fact]
    public void ExpandUsesZeroStridesAndChecksSizes()
    {
        var x = Torch.Tensor(new float[] { 1, 2, 3 }, 3, 1);
        var e = x.Expand(2, 3, 4);
        Assert.Equal([2, 3, 4], e.Shape);
        Assert.Equal(0, e.Strides[0]);
        Assert.Equal(0, e.Strides[2]);
        Assert.Equal(3.0, e[1, 2, 3].ToDouble());
        Assert.Equal([3, 5], x.Expand(-1, 5).Shape);
        var ex = Assert.Throws<ArgumentException>(() => x.Expand(4, 4));
        Assert.Contains("[4, 4]", ex.Message);
        Assert.Contains("[3, 1]", ex.Message);
    }

    [Fact]
    public void SplitChunkCatStack()
    {
        var x = Torch.Arange(10);
        var parts = x.Split(4);
        Assert.Equal([4, 4, 2], parts.Select(p => p.Numel));
        Assert.Equal([3, 3, 3, 1], x.Chunk(4).Select(p => p.Numel));
        TensorAssert.Close(x.ToArray<double>(), Torch.Cat(parts));
        var s = Torch.Stack([Torch.Ones(2), Torch.Zeros(2)], 1);
        Assert.Equal([2, 2], s.Shape);
        TensorAssert.Close([1, 0, 1, 0], s);
        var ex = Assert.Throws<ArgumentException>(() => Torch.Cat([Torch.Zeros(2, 3), Torch.Zeros(3, 2)], 0));
        Assert.Contains("cat", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[3, 2]", ex.Message);
        var stackError = Assert.Throws<ArgumentException>(() => Torch.Stack([Torch.Zeros(2), Torch.Zeros(3)]));
        Assert.Contains("[2] at entry 0 and [3] at entry 1", stackError.Message);
        Assert.Throws<ArgumentException>(() => x.Split([3, 3], 0));
    }

    [Fact]
    public void GatherAndIndexSelect()
    {
        var x = Grid();
        var idx = Torch.Tensor(new long[] { 3, 0, 1 }, 3, 1);
        TensorAssert.Close([3, 4, 9], x.Gather(1, idx));
        TensorAssert.Close([8, 9, 10, 11, 0, 1, 2, 3], x.IndexSelect(0, Torch.Tensor(new long[] { 2, 0 })));
        var ex = Assert.Throws<ArgumentException>(() => x.Gather(1, Torch.Zeros(3, 1)));
        Assert.Contains("int64", ex.Message);
        Assert.Throws<IndexOutOfRangeException>(() => x.IndexSelect(0, Torch.Tensor(new long[] { 3 })));
    }
}
