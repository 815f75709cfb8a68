using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Optim;

/// <summary>
/// Parameters optimised with shared hyper-parameters (one entry of torch's optimizer.param_groups). Options use
/// PyTorch's key names ("lr", "weight_decay", "momentum", "dampening", "eps", ...); Adam's betas are "beta1" and
/// "beta2", and flags ("nesterov", "amsgrad", "maximize") are 0 or 1. Options not set fall back to the optimizer's
/// defaults when the group is added.
/// </summary>
public sealed class ParamGroup
{
    public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? weightDecay = null)
    {
        Parameters = parameters.ToList();
        if (lr is { } l) Options["lr"] = l;
        if (weightDecay is { } wd) Options["weight_decay"] = wd;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    public Dictionary<string, double> Options { get; } = new();

    public double this[string key]
    {
        get => Options.TryGetValue(key, out var v) ? v
            : throw new KeyNotFoundException($"parameter group has no option \"{key}\" (available: {string.Join(", ", Options.Keys)})");
        set => Options[key] = value;
    }

    public double Lr
    {
        get => this["lr"];
        set => this["lr"] = value;
    }

    public double WeightDecay
    {
        get => this["weight_decay"];
        set => this["weight_decay"] = value;
    }

    internal bool Flag(string key) => Options.TryGetValue(key, out var v) && v != 0;
}
