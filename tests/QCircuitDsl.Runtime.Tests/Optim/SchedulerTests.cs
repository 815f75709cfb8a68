using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Optim;

public class SchedulerTests
{
    private static SGD Optimizer(double lr = 1.0) => new([Torch.Ones([1], requiresGrad: true)], lr: lr);

    private static double[] Trace(LRScheduler scheduler, int epochs)
    {
        var lrs = new List<double> { scheduler.Optimizer.ParamGroups[0].Lr };
        for (var i = 1; i < epochs; i++)
        {
            scheduler.Step();
            lrs.Add(scheduler.Optimizer.ParamGroups[0].Lr);
        }
        return lrs.ToArray();
    }

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    [Fact]
    public void StepLR() => Close([1, 1, 0.5, 0.5, 0.25, 0.25], Trace(new StepLR(Optimizer(), stepSize: 2, gamma: 0.5), 6));

    [Fact]
    public void CosineAnnealing() =>
        Close([1, 0.5 + 0.5 * Math.Cos(Math.PI / 4), 0.5, 0.5 - 0.5 * Math.Cos(Math.PI / 4), 0], Trace(new CosineAnnealingLR(Optimizer(), tMax: 4), 5));

    [Fact]
    public void CosineAnnealingWithFloor() =>
        Close([2, 1.1, 0.2], Trace(new CosineAnnealingLR(Optimizer(2), tMax: 2, etaMin: 0.2), 3));

    [Fact]
    public void LinearWarmup() => Close([0.25, 0.5, 0.75, 1, 1], Trace(new LinearLR(Optimizer(), startFactor: 0.25, totalIters: 3), 5));

    [Fact]
    public void ConstantFactor() => Close([0.5, 0.5, 1, 1], Trace(new ConstantLR(Optimizer(), factor: 0.5, totalIters: 2), 4));

    [Fact]
    public void LambdaSchedule() => Close([1, 0.5, 1.0 / 3], Trace(new LambdaLR(Optimizer(), e => 1.0 / (e + 1)), 3));

    [Fact]
    public void SequentialWarmupThenCosine()
    {
        var opt = Optimizer();
        var warmup = new LinearLR(opt, startFactor: 0.5, totalIters: 2);
        var cosine = new CosineAnnealingLR(opt, tMax: 2);
        Close([0.5, 0.75, 1, 0.5, 0], Trace(new SequentialLR(opt, [warmup, cosine], [2]), 5));
        Assert.Throws<ArgumentException>(() => new SequentialLR(opt, [warmup, cosine], []));
    }

    [Fact]
    public void WarmupCosineMatchesTheSequentialComposition()
    {
        var lrs = Trace(new WarmupCosineLR(Optimizer(), warmupSteps: 2, totalSteps: 6), 8);
        Close([0, 0.5, 1, 0.5 + 0.5 * Math.Cos(Math.PI / 4), 0.5, 0.5 - 0.5 * Math.Cos(Math.PI / 4), 0, 0], lrs);
    }

    [Fact]
    public void EachGroupScalesItsOwnBaseRate()
    {
        var opt = new SGD([new ParamGroup([Torch.Ones([1], requiresGrad: true)], lr: 1.0), new ParamGroup([Torch.Ones([1], requiresGrad: true)], lr: 0.1)]);
        var sched = new StepLR(opt, stepSize: 1, gamma: 0.5);
        sched.Step();
        Assert.Equal([0.5, 0.05], sched.GetLastLr());
        Assert.Equal(0.05, opt.ParamGroups[1].Lr, 15);
        Assert.Equal(0.1, opt.ParamGroups[1]["initial_lr"]);
    }

    [Fact]
    public void SchedulerStateRestoresPosition()
    {
        var a = new StepLR(Optimizer(), stepSize: 2, gamma: 0.5);
        a.Step();
        a.Step();
        a.Step();
        var b = new StepLR(Optimizer(), stepSize: 2, gamma: 0.5);
        b.LoadStateDict(a.StateDict());
        Assert.Equal(3, b.LastEpoch);
        a.Step();
        b.Step();
        Assert.Equal(a.GetLastLr(), b.GetLastLr());
        Assert.Equal(0.25, b.Optimizer.ParamGroups[0].Lr);
    }
}
