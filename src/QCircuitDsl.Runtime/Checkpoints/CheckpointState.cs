using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>Builds a <see cref="TrainingCheckpoint"/> from live objects and puts one back into them.</summary>
public static class CheckpointState
{
    /// <summary>
    /// Snapshots (copies, not aliases) of the model's state dict, the optimizer and scheduler state and the generators'
    /// states, so later training does not change the captured checkpoint.
    /// </summary>
    public static TrainingCheckpoint Capture(Module model, Optimizer? optimizer, LRScheduler? scheduler,
        IReadOnlyDictionary<string, Generator>? generators, TrainingPosition position, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var state = new OrderedDictionary<string, Tensor>();
        foreach (var (name, tensor) in model.StateDict()) state[name] = tensor.Clone();
        return new TrainingCheckpoint
        {
            Model = state,
            Optimizer = optimizer?.StateDict(),
            Scheduler = scheduler?.StateDict(),
            Rng = generators?.ToDictionary(kv => kv.Key, kv => kv.Value.GetState()) ?? new Dictionary<string, ulong[]>(),
            Position = position,
            Values = values?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>
    /// Loads the model strictly (every key must match), then optimizer, scheduler and every generator named in
    /// <paramref name="generators"/>; a generator missing from the checkpoint is an error, since continuing with a
    /// different random stream would silently break exact resumption.
    /// </summary>
    public static void Restore(TrainingCheckpoint checkpoint, Module model, Optimizer? optimizer, LRScheduler? scheduler,
        IReadOnlyDictionary<string, Generator>? generators)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(model);
        if (optimizer is not null && checkpoint.Optimizer is null)
            throw new InvalidDataException("checkpoint has no optimizer state; expected one to resume the optimizer.");
        if (scheduler is not null && checkpoint.Scheduler is null)
            throw new InvalidDataException("checkpoint has no scheduler state; expected one to resume the scheduler.");
        foreach (var name in generators?.Keys ?? [])
            if (!checkpoint.Rng.ContainsKey(name))
                throw new InvalidDataException($"checkpoint has no state for generator '{name}' (it has: {string.Join(", ", checkpoint.Rng.Keys)}).");

        model.LoadStateDict(checkpoint.Model);
        if (optimizer is not null) optimizer.LoadStateDict(checkpoint.Optimizer!);
        // After the optimizer: the scheduler reads "initial_lr" from the restored param groups.
        if (scheduler is not null) scheduler.LoadStateDict(checkpoint.Scheduler!);
        foreach (var (name, generator) in generators ?? new Dictionary<string, Generator>())
            generator.SetState(checkpoint.Rng[name]);
    }
}
