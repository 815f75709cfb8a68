using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;

namespace QCircuitDsl.Runtime.Tests.Autograd;

public class CustomFunctionTests
{
    /// <summary>y = x² with a hand-written backward.</summary>
    private sealed class Square : Function
    {
        public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs)
        {
            Assert.False(Torch.IsGradEnabled); // forward never records
            ctx.SaveForBackward(inputs[0]);
            return [inputs[0] * inputs[0]];
        }

        public override Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs) => [gradOutputs[0] * 2.0 * ctx.SavedTensors[0]];
    }

    /// <summary>Two outputs (sum and product of a pair) plus a non-differentiable index output.</summary>
    private sealed class SumProduct : Function
    {
        public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs)
        {
            var (a, b) = (inputs[0], inputs[1]);
            ctx.SaveForBackward(a, b);
            var index = Torch.Tensor(new long[] { 0 });
            ctx.MarkNonDifferentiable(index);
            return [a + b, a * b, index];
        }

        public override Tensor?[] Backward(FunctionContext ctx, Tensor[] g)
        {
            var (a, b) = (ctx.SavedTensors[0], ctx.SavedTensors[1]);
            return [g[0] + g[1] * b, ctx.NeedsInputGrad[1] ? g[0] + g[1] * a : null];
        }
    }

    private sealed class WrongCount : Function
    {
        public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs) => [inputs[0] * 2.0];
        public override Tensor?[] Backward(FunctionContext ctx, Tensor[] g) => [g[0], g[0]];
    }

    private sealed class WrongShape : Function
    {
        public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs) => [inputs[0].Sum()];
        public override Tensor?[] Backward(FunctionContext ctx, Tensor[] g) => [g[0]];
    }

    /// <summary>Deliberately wrong derivative (3x instead of 2x) to prove GradCheck catches mistakes.</summary>
    private sealed class BadSquare : Function
    {
        public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return [inputs[0] * inputs[0]];
        }

        public override Tensor?[] Backward(FunctionContext ctx, Tensor[] g) => [g[0] * 3.0 * ctx.SavedTensors[0]];
    }

    [Fact]
    public void CustomFunctionParticipatesInBackward()
    {
        var x = Torch.Tensor(new double[] { 1, -2, 3 }).RequiresGrad_();
        var y = new Square().ApplySingle(x);
        Assert.Equal("SquareBackward", y.GradFn!.Name);
        (y * 2.0).Sum().Backward();
        TensorAssert.Close([4, -8, 12], x.Grad!);
    }

    [Fact]
    public void CustomFunctionPassesGradCheck() =>
        GradCheck.Check(x => new Square().ApplySingle(x), TensorAssert.RandomDouble(1, 4));

    [Fact]
    public void MultipleOutputsUnusedOutputsGetZeroGradients()
    {
        var a = Torch.Tensor(new double[] { 2 }).RequiresGrad_();
        var b = Torch.Tensor(new double[] { 5 }); // no grad needed
        var outputs = new SumProduct().Apply(a, b);
        Assert.False(outputs[2].RequiresGrad);
        outputs[1].Sum().Backward(); // d(ab)/da = b; the sum output gets a zero gradient
        TensorAssert.Close([5], a.Grad!);
        Assert.Null(b.Grad);
    }

    [Fact]
    public void MultipleOutputsPassGradCheck() =>
        GradCheck.Check(x =>
        {
            var o = new SumProduct().Apply(x[0], x[1]);
            return o[0] * 3.0 + o[1];
        }, [TensorAssert.RandomDouble(2, 3), TensorAssert.RandomDouble(3, 3)]);

    [Fact]
    public void WrongNumberOfGradientsIsReported()
    {
        var y = new WrongCount().ApplySingle(Torch.Ones([2], requiresGrad: true));
        var ex = Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
        Assert.Contains("WrongCountBackward", ex.Message);
        Assert.Contains("expected 1, got 2", ex.Message);
    }

    [Fact]
    public void WrongGradientShapeIsReported()
    {
        var y = new WrongShape().ApplySingle(Torch.Ones([2], requiresGrad: true));
        var ex = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("WrongShapeBackward", ex.Message);
        Assert.Contains("[2]", ex.Message);
    }

    [Fact]
    public void SavedTensorsAreFreedAfterBackward()
    {
        var y = new Square().ApplySingle(Torch.Ones([1], requiresGrad: true));
        y.Sum().Backward();
        Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
    }

    [Fact]
    public void GradCheckReportsAWrongBackwardWithLocation()
    {
        var ex = Assert.Throws<GradCheckException>(() => GradCheck.Check(x => new BadSquare().ApplySingle(x), TensorAssert.RandomDouble(4, 2)));
        Assert.False(ex.Report.Passed);
        Assert.Contains("input 0 element 0", ex.Message);
        var report = GradCheck.Check(x => new BadSquare().ApplySingle(x), TensorAssert.RandomDouble(4, 2), raiseOnFailure: false);
        Assert.False(report.Passed);
        Assert.Equal(2, report.Mismatches.Count);
    }

    [Fact]
    public void GradCheckRequiresFloat64()
    {
        var ex = Assert.Throws<ArgumentException>(() => GradCheck.Check(x => x * 2.0, Torch.Ones([2], requiresGrad: true)));
        Assert.Contains("float64", ex.Message);
    }
}
