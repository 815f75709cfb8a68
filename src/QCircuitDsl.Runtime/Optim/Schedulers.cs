namespace QCircuitDsl.Runtime.Optim;

/// <summary>lr = base·λ(epoch) (torch LambdaLR).</summary>
public sealed class LambdaLR : LRScheduler
{
    private readonly Func<int, double> _lambda;

    public LambdaLR(Optimizer optimizer, Func<int, double> lrLambda, int lastEpoch = -1) : base(optimizer, lastEpoch)
    {
        _lambda = lrLambda;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch) => baseLr * _lambda(epoch);
}

/// <summary>lr = base·factor until totalIters epochs have passed, then base (torch ConstantLR; factor 1 keeps the
/// rate constant throughout).</summary>
public sealed class ConstantLR : LRScheduler
{
    private readonly double _factor;
    private readonly int _totalIters;

    public ConstantLR(Optimizer optimizer, double factor = 1.0 / 3, int totalIters = 5, int lastEpoch = -1) : base(optimizer, lastEpoch)
    {
        if (factor is < 0 or > 1) throw new ArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
        _factor = factor;
        _totalIters = totalIters;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch) => epoch < _totalIters ? baseLr * _factor : baseLr;
}

/// <summary>lr = base·γ^⌊epoch / stepSize⌋ (torch StepLR).</summary>
public sealed class StepLR : LRScheduler
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1, int lastEpoch = -1) : base(optimizer, lastEpoch)
    {
        if (stepSize <= 0) throw new ArgumentException($"StepLR: step_size must be positive, got {stepSize}");
        _stepSize = stepSize;
        _gamma = gamma;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch) => baseLr * Math.Pow(_gamma, epoch / _stepSize);
}

/// <summary>lr = η_min + (base − η_min)·(1 + cos(π·epoch / T_max)) / 2 (torch CosineAnnealingLR, closed form).</summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    private readonly int _tMax;
    private readonly double _etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0, int lastEpoch = -1) : base(optimizer, lastEpoch)
    {
        if (tMax <= 0) throw new ArgumentException($"CosineAnnealingLR: T_max must be positive, got {tMax}");
        _tMax = tMax;
        _etaMin = etaMin;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch) => _etaMin + (baseLr - _etaMin) * (1 + Math.Cos(Math.PI * epoch / _tMax)) / 2;
}

/// <summary>Linear ramp of the factor from startFactor to endFactor over totalIters epochs, then constant (torch
/// LinearLR; the usual linear warm-up).</summary>
public sealed class LinearLR : LRScheduler
{
    private readonly double _start;
    private readonly double _end;
    private readonly int _totalIters;

    public LinearLR(Optimizer optimizer, double startFactor = 1.0 / 3, double endFactor = 1.0, int totalIters = 5, int lastEpoch = -1)
        : base(optimizer, lastEpoch)
    {
        if (startFactor is <= 0 or > 1) throw new ArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        if (endFactor is < 0 or > 1) throw new ArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        _start = startFactor;
        _end = endFactor;
        _totalIters = totalIters;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch) =>
        baseLr * (_start + (_end - _start) * Math.Min(epoch, _totalIters) / Math.Max(_totalIters, 1));
}

/// <summary>
/// Runs schedulers one after another (torch SequentialLR): scheduler i is active from milestones[i − 1] on and sees
/// epochs counted from its own start. All schedulers must be built on the same optimizer.
/// </summary>
public sealed class SequentialLR : LRScheduler
{
    private readonly LRScheduler[] _schedulers;
    private readonly int[] _milestones;

    public SequentialLR(Optimizer optimizer, LRScheduler[] schedulers, int[] milestones, int lastEpoch = -1) : base(optimizer, lastEpoch)
    {
        if (schedulers.Length == 0) throw new ArgumentException("SequentialLR expects at least one scheduler");
        if (milestones.Length != schedulers.Length - 1)
            throw new ArgumentException($"Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got {schedulers.Length} schedulers and {milestones.Length} milestones");
        foreach (var s in schedulers)
            if (!ReferenceEquals(s.Optimizer, optimizer))
                throw new ArgumentException("SequentialLR: every scheduler must belong to the same optimizer");
        _schedulers = schedulers;
        _milestones = milestones;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch)
    {
        var index = 0;
        while (index < _milestones.Length && epoch >= _milestones[index]) index++;
        var start = index == 0 ? 0 : _milestones[index - 1];
        return _schedulers[index].GetLr(baseLr, epoch - start);
    }
}

/// <summary>Linear warm-up from base·warmupStartFactor to base over warmupSteps, then cosine decay to minLr at
/// totalSteps — the common transformer schedule in one object (same values as SequentialLR(LinearLR,
/// CosineAnnealingLR)).</summary>
public sealed class WarmupCosineLR : LRScheduler
{
    private readonly int _warmup;
    private readonly int _total;
    private readonly double _minLr;
    private readonly double _startFactor;

    public WarmupCosineLR(Optimizer optimizer, int warmupSteps, int totalSteps, double minLr = 0, double warmupStartFactor = 0.0, int lastEpoch = -1)
        : base(optimizer, lastEpoch)
    {
        if (warmupSteps < 0 || totalSteps <= warmupSteps)
            throw new ArgumentException($"WarmupCosineLR: need 0 <= warmupSteps < totalSteps, got {warmupSteps} and {totalSteps}");
        _warmup = warmupSteps;
        _total = totalSteps;
        _minLr = minLr;
        _startFactor = warmupStartFactor;
        InitialStep();
    }

    public override double GetLr(double baseLr, int epoch)
    {
        if (epoch < _warmup) return baseLr * (_startFactor + (1 - _startFactor) * epoch / _warmup);
        var progress = Math.Min(epoch - _warmup, _total - _warmup) / (double)(_total - _warmup);
        return _minLr + (baseLr - _minLr) * (1 + Math.Cos(Math.PI * progress)) / 2;
    }
}
