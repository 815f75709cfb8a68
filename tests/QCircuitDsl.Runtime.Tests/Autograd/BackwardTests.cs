using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;

namespace QCircuitDsl.Runtime.Tests.Autograd;

public class BackwardTests
{
    [Fact]
    public void GradientsAccumulateAcrossBackwardCalls()
    {
        var x = Torch.Tensor(new double[] { 1, 2 }).RequiresGrad_();
        (x * x).Sum().Backward();
        TensorAssert.Close([2, 4], x.Grad!);
        (x * 3.0).Sum().Backward();
        TensorAssert.Close([5, 7], x.Grad!);
    }

    [Fact]
    public void SecondBackwardWithoutRetainGraphFailsClearly()
    {
        var x = Torch.Ones([2], requiresGrad: true);
        var y = (x.Exp() * 2.0).Sum();
        y.Backward();
        var ex = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("second time", ex.Message);
        Assert.Contains("retainGraph", ex.Message);
    }

    [Fact]
    public void RetainGraphAllowsRepeatedBackward()
    {
        var x = Torch.Ones([2], DType.Float64, requiresGrad: true);
        var y = (x.Exp() * 2.0).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        TensorAssert.Close([4 * Math.E, 4 * Math.E], x.Grad!, 1e-12);
    }

    [Fact]
    public void NonScalarBackwardNeedsAGradientOfMatchingShape()
    {
        var x = Torch.Ones([3], requiresGrad: true);
        var y = x * 2.0;
        var ex = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("scalar outputs", ex.Message);
        var shape = Assert.Throws<ArgumentException>(() => y.Backward(Torch.Ones(2)));
        Assert.Contains("[2]", shape.Message);
        Assert.Contains("[3]", shape.Message);
        y.Backward(Torch.Tensor(new float[] { 1, 2, 3 }));
        TensorAssert.Close([2, 4, 6], x.Grad!);
    }

    [Fact]
    public void BackwardOnTensorWithoutGradFails()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Ones(1).Backward());
        Assert.Contains("does not require grad", ex.Message);
    }

    [Fact]
    public void NoGradScopeAndDetachStopRecording()
    {
        var x = Torch.Ones([2], requiresGrad: true);
        Tensor y;
        using (Torch.NoGrad())
        {
            Assert.False(Torch.IsGradEnabled);
            y = x * 2.0;
        }
        Assert.True(Torch.IsGradEnabled);
        Assert.False(y.RequiresGrad);
        Assert.Null(y.GradFn);
        var d = (x * 2.0).Detach();
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        var z = x * 2.0;
        Assert.Equal("MulBackward", z.GradFn!.Name);
    }

    [Fact]
    public void NestedGradModeScopesRestoreThePreviousMode()
    {
        using (Torch.NoGrad())
        {
            using (Torch.EnableGrad()) Assert.True(Torch.IsGradEnabled);
            Assert.False(Torch.IsGradEnabled);
        }
        Assert.True(Torch.IsGradEnabled);
    }

    [Fact]
    public void InPlaceOnLeafRequiringGradIsRefusedOutsideNoGrad()
    {
        var x = Torch.Ones([2], requiresGrad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => x.Add_(Torch.Ones(2)));
        Assert.Contains("leaf Variable", ex.Message);
        Assert.Throws<InvalidOperationException>(() => (x * 2.0).Mul_(3));
        using (Torch.NoGrad()) x.Add_(Torch.Ones(2));
        TensorAssert.Close([2, 2], x);
    }

    [Fact]
    public void SharedSubexpressionsReceiveSummedGradients()
    {
        var x = Torch.Tensor(new double[] { 3 }).RequiresGrad_();
        var a = x * 2.0;
        var y = (a * a + a).Sum(); // y = 4x² + 2x, dy/dx = 8x + 2
        y.Backward();
        TensorAssert.Close([26], x.Grad!, 1e-12);
    }

    [Fact]
    public void CreateGraphAllowsSecondDerivatives()
    {
        var x = Torch.Tensor(new double[] { 2 }).RequiresGrad_();
        var y = x.Pow(3).Sum();
        var dy = Torch.Grad([y], [x], createGraph: true)[0]!;
        TensorAssert.Close([12], dy, 1e-12); // 3x²
        var d2 = Torch.Grad([dy.Sum()], [x])[0]!;
        TensorAssert.Close([12], d2, 1e-12); // 6x
        Assert.Null(x.Grad);
    }

    [Fact]
    public void AutogradGradReportsUnusedInputs()
    {
        var x = Torch.Ones([1], requiresGrad: true);
        var unused = Torch.Ones([1], requiresGrad: true);
        var y = (x * 2.0).Sum();
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Grad([y], [x, unused], retainGraph: true));
        Assert.Contains("allowUnused", ex.Message);
        var grads = Torch.Grad([y], [x, unused], allowUnused: true);
        Assert.Null(grads[1]);
        TensorAssert.Close([2], grads[0]!);
    }

    [Fact]
    public void GradientFlowsThroughViewsIntoTheBase()
    {
        var x = Torch.Zeros([2, 3], DType.Float64, requiresGrad: true);
        var y = x.T.Narrow(0, 1, 2).Reshape(4) * Torch.Tensor(new double[] { 1, 2, 3, 4 });
        y.Sum().Backward();
        TensorAssert.Close([0, 1, 3, 0, 2, 4], x.Grad!);
    }

    [Fact]
    public void LeafGradIsContiguousAndDoesNotAliasTheIncomingGradient()
    {
        var x = Torch.Zeros([2, 2], requiresGrad: true);
        var g = Torch.Ones(2, 2);
        (x + 0.0).Backward(g);
        g.Fill_(5);
        TensorAssert.Close([1, 1, 1, 1], x.Grad!);
        var w = Torch.Zeros([3], requiresGrad: true);
        (w.Unsqueeze(0).Expand(4, 3)).Sum().Backward();
        Assert.True(w.Grad!.IsContiguous);
        TensorAssert.Close([4, 4, 4], w.Grad);
    }
}
