using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>
/// Everything needed to continue a run exactly: the model state dict (names and layouts as PyTorch's), optimizer and
/// scheduler state, random generator states, the data position and free-form string values (e.g. the trainer's
/// running sums). Written and read by <see cref="CheckpointFile"/>.
/// </summary>
public sealed class TrainingCheckpoint
{
    /// <summary>Module.StateDict() as is: "fc.weight" [out, in], "lstm.weight_ih_l0" [4H, I], …</summary>
    public OrderedDictionary<string, Tensor> Model { get; init; } = new();

    public OptimizerStateDict? Optimizer { get; init; }

    public LRSchedulerState? Scheduler { get; init; }

    /// <summary>Generator states by name (4 words of xoshiro256** each, see <see cref="Generator.GetState"/>).</summary>
    public Dictionary<string, ulong[]> Rng { get; init; } = new();

    public TrainingPosition Position { get; init; }

    /// <summary>Additional values stored in the metadata; keys must not start with a reserved prefix.</summary>
    public Dictionary<string, string> Values { get; init; } = new();
}
