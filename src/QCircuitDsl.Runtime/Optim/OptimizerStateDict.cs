using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Optim;

/// <summary>Hyper-parameters of one group and the indices of its parameters (numbered across groups in order).</summary>
public sealed record ParamGroupState(Dictionary<string, double> Options, int[] Params);

/// <summary>
/// Everything needed to resume an optimizer exactly (torch's optimizer.state_dict()): per-parameter state tensors by
/// parameter index ("step" as a 0-d float64 tensor, "exp_avg", "exp_avg_sq", "max_exp_avg_sq", "momentum_buffer")
/// and the parameter groups. Tensors are snapshots, not aliases of the live state.
/// </summary>
public sealed class OptimizerStateDict
{
    public Dictionary<int, Dictionary<string, Tensor>> State { get; } = new();
    public List<ParamGroupState> ParamGroups { get; } = new();
}
