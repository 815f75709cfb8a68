using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;

namespace QCircuitDsl.Runtime.Tests.Optim;

public class OptimizerTests
{
    private static Tensor Param(params double[] values) => Torch.Tensor(values).RequiresGrad_();

    private static void SetGrad(Tensor p, params double[] g) => p.Grad = Torch.Tensor(g);

    [Fact]
    public void OneAdamStepMatchesHandComputation()
    {
        var p = Param(1.0, -2.0);
        var adam = new Adam([p], lr: 0.1);
        SetGrad(p, 0.5, -1.0);
        adam.Step();
        // m = 0.1·g = [0.05, −0.1]; v = 0.001·g² = [0.00025, 0.001]; m̂ = m/0.1 = g; √v̂ = √(v/0.001) = |g|.
        // p ← p − 0.1·m̂/(√v̂ + 1e-8).
        TensorAssert.Close([1.0 - 0.1 * 0.5 / (0.5 + 1e-8), -2.0 + 0.1 * 1.0 / (1.0 + 1e-8)], p, 1e-12);
        var state = adam.State(p);
        TensorAssert.Close([0.05, -0.1], state["exp_avg"], 1e-15);
        TensorAssert.Close([0.00025, 0.001], state["exp_avg_sq"], 1e-15);
        Assert.Equal(1.0, state["step"].ToDouble());
    }

    /// <summary>Textbook Adam/AdamW written out directly, as the reference for several steps.</summary>
    private static double[] ReferenceAdam(double[] p, double[][] grads, double lr, double wd, bool decoupled)
    {
        p = (double[])p.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        for (var t = 1; t <= grads.Length; t++)
            for (var i = 0; i < p.Length; i++)
            {
                var g = grads[t - 1][i];
                if (decoupled) p[i] *= 1 - lr * wd;
                else g += wd * p[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                var mHat = m[i] / (1 - Math.Pow(0.9, t));
                var vHat = v[i] / (1 - Math.Pow(0.999, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        return p;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SeveralAdamAndAdamWStepsMatchTheReference(bool decoupled)
    {
        double[][] grads = [[0.5, -1.0, 0.0], [0.2, 0.3, -0.7], [-0.4, 0.1, 0.9]];
        double[] start = [1.0, -2.0, 0.5];
        var p = Param(start);
        Optimizer opt = decoupled ? new AdamW([p], lr: 0.05, weightDecay: 0.1) : new Adam([p], lr: 0.05, weightDecay: 0.1);
        foreach (var g in grads)
        {
            SetGrad(p, g);
            opt.Step();
        }
        TensorAssert.Close(ReferenceAdam(start, grads, 0.05, 0.1, decoupled), p, 1e-12);
    }

    [Fact]
    public void AdamDefaultsMatchPyTorch()
    {
        var adam = new Adam([Param(1)]);
        Assert.Equal(1e-3, adam.ParamGroups[0].Lr);
        Assert.Equal(0.9, adam.ParamGroups[0]["beta1"]);
        Assert.Equal(0.999, adam.ParamGroups[0]["beta2"]);
        Assert.Equal(1e-8, adam.ParamGroups[0]["eps"]);
        Assert.Equal(0.0, adam.ParamGroups[0].WeightDecay);
        Assert.Equal(1e-2, new AdamW([Param(1)]).ParamGroups[0].WeightDecay);
        Assert.Equal(1e-3, new SGD([Param(1)]).ParamGroups[0].Lr);
    }

    [Theory]
    [InlineData(0.9, 0.0, false, 0.0, 0.9, 0.71)]
    [InlineData(0.9, 0.0, true, 0.0, 0.81, 0.539)]
    [InlineData(0.9, 0.5, false, 0.0, 0.9, 0.76)]
    [InlineData(0.0, 0.0, false, 0.1, 0.89, 0.7811)]
    public void SgdVariantsMatchHandComputation(double momentum, double dampening, bool nesterov, double weightDecay, double afterOne, double afterTwo)
    {
        // Gradient is always 1, lr 0.1. Momentum 0.9: b=1, p=0.9; b=0.9+1=1.9, p=0.71. Nesterov: d=1+0.9·b.
        // Dampening 0.5: the first buffer is the gradient itself, then b=0.9·1+0.5·1. Weight decay 0.1: d=g+0.1·p.
        var p = Param(1.0);
        var sgd = new SGD([p], lr: 0.1, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay);
        SetGrad(p, 1.0);
        sgd.Step();
        TensorAssert.Close([afterOne], p, 1e-12);
        sgd.Step();
        TensorAssert.Close([afterTwo], p, 1e-12);
    }

    [Fact]
    public void ParameterGroupsKeepTheirOwnHyperParameters()
    {
        var a = Param(1.0);
        var b = Param(1.0);
        var sgd = new SGD([new ParamGroup([a], lr: 0.1), new ParamGroup([b]) { ["weight_decay"] = 1.0 }], lr: 0.01);
        Assert.Equal(0.01, sgd.ParamGroups[1].Lr);
        Assert.Equal(0.0, sgd.ParamGroups[0].WeightDecay);
        SetGrad(a, 1.0);
        SetGrad(b, 1.0);
        sgd.Step();
        TensorAssert.Close([0.9], a, 1e-12);
        TensorAssert.Close([1 - 0.01 * 2], b, 1e-12);
    }

    [Fact]
    public void InvalidConfigurationsAreRejected()
    {
        var p = Param(1.0);
        Assert.Contains("more than one parameter group",
            Assert.Throws<ArgumentException>(() => new SGD([new ParamGroup([p]), new ParamGroup([p])])).Message);
        Assert.Contains("non-leaf", Assert.Throws<ArgumentException>(() => new SGD([p * 2.0])).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => new SGD([p], nesterov: true)).Message);
        Assert.Contains("learning rate", Assert.Throws<ArgumentException>(() => new Adam([p], lr: -1)).Message);
        Assert.Contains("beta", Assert.Throws<ArgumentException>(() => new Adam([p], beta2: 1.0)).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new Adam(Array.Empty<Tensor>())).Message);
    }

    [Fact]
    public void StepSkipsParametersWithoutGradientsAndZeroGradClears()
    {
        var a = Param(1.0);
        var b = Param(1.0);
        var adam = new Adam([a, b]);
        SetGrad(a, 1.0);
        adam.Step();
        TensorAssert.Close([1.0], b);
        Assert.Empty(adam.State(b));
        adam.ZeroGrad();
        Assert.Null(a.Grad);
    }

    private static (Linear Model, Tensor X, Tensor Y) Problem(long seed)
    {
        var g = new Generator(100);
        var x = Torch.Randn([8, 3], g);
        var y = Torch.Randn([8, 2], g);
        return (new Linear(3, 2, generator: new Generator(seed)), x, y);
    }

    private static void TrainSteps(Linear model, Optimizer opt, LRScheduler sched, Tensor x, Tensor y, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            opt.ZeroGrad();
            Functional.MseLoss(model.Forward(x), y).Backward();
            opt.Step();
            sched.Step();
        }
    }

    [Fact]
    public void StateDictsResumeTrainingExactly()
    {
        var (reference, x, y) = Problem(1);
        var refOpt = new AdamW(reference.Parameters(), lr: 0.05, amsgrad: true);
        var refSched = new CosineAnnealingLR(refOpt, tMax: 10);
        TrainSteps(reference, refOpt, refSched, x, y, 5);

        var (first, _, _) = Problem(1);
        var firstOpt = new AdamW(first.Parameters(), lr: 0.05, amsgrad: true);
        var firstSched = new CosineAnnealingLR(firstOpt, tMax: 10);
        TrainSteps(first, firstOpt, firstSched, x, y, 3);
        var modelState = first.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Clone());
        var optState = firstOpt.StateDict();
        var schedState = firstSched.StateDict();
        TrainSteps(first, firstOpt, firstSched, x, y, 1); // later mutation must not leak into the snapshot

        var (resumed, _, _) = Problem(2);
        var resumedOpt = new AdamW(resumed.Parameters(), lr: 0.05, amsgrad: true);
        var resumedSched = new CosineAnnealingLR(resumedOpt, tMax: 10);
        resumed.LoadStateDict(modelState);
        resumedOpt.LoadStateDict(optState);
        resumedSched.LoadStateDict(schedState);
        Assert.Equal(3.0, resumedOpt.State(resumed.Weight)["step"].ToDouble());
        TrainSteps(resumed, resumedOpt, resumedSched, x, y, 2);

        TensorAssert.BitIdentical(reference.Weight, resumed.Weight);
        TensorAssert.BitIdentical(reference.Bias!, resumed.Bias!);
        Assert.Equal(refOpt.ParamGroups[0].Lr, resumedOpt.ParamGroups[0].Lr);
    }

    [Fact]
    public void SgdMomentumBufferSurvivesStateDict()
    {
        var p = Param(1.0);
        var sgd = new SGD([p], lr: 0.1, momentum: 0.9);
        SetGrad(p, 1.0);
        sgd.Step();
        var saved = sgd.StateDict();
        TensorAssert.Close([1.0], saved.State[0]["momentum_buffer"]);
        var q = Param(0.9);
        var restored = new SGD([q], lr: 0.5, momentum: 0.9);
        restored.LoadStateDict(saved);
        Assert.Equal(0.1, restored.ParamGroups[0].Lr);
        SetGrad(q, 1.0);
        restored.Step();
        TensorAssert.Close([0.71], q, 1e-12);
    }

    [Fact]
    public void LoadStateDictRejectsStructuralMismatch()
    {
        var saved = new Adam([Param(1.0), Param(2.0)]).StateDict();
        var ex = Assert.Throws<ArgumentException>(() => new Adam([Param(1.0)]).LoadStateDict(saved));
        Assert.Contains("doesn't match the size", ex.Message);
        var two = new Adam([new ParamGroup([Param(1.0)]), new ParamGroup([Param(1.0)])]);
        Assert.Contains("number of parameter groups", Assert.Throws<ArgumentException>(() => two.LoadStateDict(saved)).Message);

        var p = Torch.Tensor(new double[] { 1, 2 }).RequiresGrad_();
        var adam = new Adam([p]);
        p.Grad = Torch.Ones([2], DType.Float64);
        adam.Step();
        var shaped = adam.StateDict();
        var shapeError = Assert.Throws<ArgumentException>(() => new Adam([Param(1.0)]).LoadStateDict(shaped));
        Assert.Contains("exp_avg", shapeError.Message);
    }
}
