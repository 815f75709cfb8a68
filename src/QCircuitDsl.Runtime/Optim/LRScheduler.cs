namespace QCircuitDsl.Runtime.Optim;

/// <summary>Saved position of a scheduler (torch's scheduler.state_dict()).</summary>
public sealed record LRSchedulerState(int LastEpoch, double[] BaseLrs);

/// <summary>
/// Base learning-rate scheduler (torch.optim.lr_scheduler.LRScheduler). Each scheduler defines the rate as a closed
/// form of (base lr, epoch), so schedules compose (SequentialLR) and resume from LastEpoch alone. Construction performs
/// the initial step, setting epoch 0's rate, as PyTorch does. Call Step() after optimizer.Step().
/// </summary>
public abstract class LRScheduler
{
    private double[] _lastLr = [];

    protected LRScheduler(Optimizer optimizer, int lastEpoch)
    {
        Optimizer = optimizer;
        foreach (var group in optimizer.ParamGroups)
        {
            if (lastEpoch == -1) group.Options.TryAdd("initial_lr", group.Lr);
            else if (!group.Options.ContainsKey("initial_lr"))
                throw new ArgumentException("param 'initial_lr' is not specified in param_groups when resuming an optimizer (lastEpoch != -1)");
        }
        BaseLrs = optimizer.ParamGroups.Select(g => g["initial_lr"]).ToArray();
        LastEpoch = lastEpoch;
    }

    public Optimizer Optimizer { get; }

    /// <summary>The learning rate of each group at epoch 0.</summary>
    public double[] BaseLrs { get; private set; }

    public int LastEpoch { get; private set; }

    /// <summary>Learning rate for one group at an epoch.</summary>
    public abstract double GetLr(double baseLr, int epoch);

    /// <summary>Must be called at the end of each subclass constructor (after its fields are set).</summary>
    protected void InitialStep() => Step();

    /// <summary>Advances one epoch (or step) and writes the new rates into the optimizer's groups.</summary>
    public void Step()
    {
        LastEpoch++;
        Apply();
    }

    private void Apply()
    {
        _lastLr = new double[BaseLrs.Length];
        for (var i = 0; i < BaseLrs.Length; i++)
            Optimizer.ParamGroups[i].Lr = _lastLr[i] = GetLr(BaseLrs[i], LastEpoch);
    }

    /// <summary>The rates set by the last Step (torch: get_last_lr()).</summary>
    public IReadOnlyList<double> GetLastLr() => _lastLr;

    public LRSchedulerState StateDict() => new(LastEpoch, (double[])BaseLrs.Clone());

    /// <summary>Restores the position and re-applies that epoch's rates.</summary>
    public void LoadStateDict(LRSchedulerState state)
    {
        if (state.BaseLrs.Length != Optimizer.ParamGroups.Count)
            throw new ArgumentException($"scheduler state has {state.BaseLrs.Length} base learning rates but the optimizer has {Optimizer.ParamGroups.Count} groups");
        BaseLrs = (double[])state.BaseLrs.Clone();
        LastEpoch = state.LastEpoch;
        Apply();
    }
}
