using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Optim;

/// <summary>
/// Base optimizer (torch.optim.Optimizer): parameter groups with their own hyper-parameters, per-parameter state,
/// ZeroGrad, Step and a state dict for exact resumption. Updates run without grad recording and skip parameters
/// whose Grad is null.
/// </summary>
public abstract class Optimizer
{
    private readonly Dictionary<Tensor, Dictionary<string, Tensor>> _state = new(ReferenceEqualityComparer.Instance);

    protected Optimizer(IEnumerable<ParamGroup> groups, IReadOnlyDictionary<string, double> defaults)
    {
        Defaults = defaults;
        foreach (var group in groups) AddParamGroup(group);
        if (ParamGroups.Count == 0 || ParamGroups.All(g => g.Parameters.Count == 0))
            throw new ArgumentException($"{GetType().Name}: optimizer got an empty parameter list");
    }

    public IReadOnlyDictionary<string, double> Defaults { get; }

    public List<ParamGroup> ParamGroups { get; } = new();

    /// <summary>Adds a group; options it does not set take the defaults.</summary>
    public void AddParamGroup(ParamGroup group)
    {
        foreach (var (key, value) in Defaults) group.Options.TryAdd(key, value);
        ValidateOptions(group);
        var existing = new HashSet<Tensor>(ParamGroups.SelectMany(g => g.Parameters), ReferenceEqualityComparer.Instance);
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var p in group.Parameters)
        {
            if (!p.IsLeaf) throw new ArgumentException($"{GetType().Name}: can't optimize a non-leaf Tensor");
            if (!p.IsFloatingPoint) throw new ArgumentException($"{GetType().Name}: can only optimize floating point tensors, got {p.DType.Name()}");
            if (!p.IsContiguous) throw new ArgumentException($"{GetType().Name}: can only optimize contiguous tensors");
            if (existing.Contains(p) || !seen.Add(p))
                throw new ArgumentException($"{GetType().Name}: some parameters appear in more than one parameter group");
        }
        ParamGroups.Add(group);
    }

    /// <summary>Checks hyper-parameter ranges with PyTorch's messages.</summary>
    protected virtual void ValidateOptions(ParamGroup group)
    {
        if (group["lr"] < 0) throw new ArgumentException($"Invalid learning rate: {group["lr"]}");
        if (group.Options.TryGetValue("weight_decay", out var wd) && wd < 0) throw new ArgumentException($"Invalid weight_decay value: {wd}");
    }

    /// <summary>Per-parameter state (created lazily by Step).</summary>
    protected Dictionary<string, Tensor> StateFor(Tensor parameter)
    {
        if (!_state.TryGetValue(parameter, out var s)) _state[parameter] = s = new Dictionary<string, Tensor>();
        return s;
    }

    /// <summary>Read-only view of a parameter's state, e.g. State(p)["exp_avg"]; empty before its first update.</summary>
    public IReadOnlyDictionary<string, Tensor> State(Tensor parameter) =>
        _state.TryGetValue(parameter, out var s) ? s : new Dictionary<string, Tensor>();

    /// <summary>Clears (default, like PyTorch 2.x) or zeroes the gradients of all optimised parameters.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in ParamGroups.SelectMany(g => g.Parameters))
        {
            if (p.Grad is null) continue;
            if (setToNone) p.Grad = null;
            else using (GradMode.NoGrad()) p.Grad.Zero_();
        }
    }

    /// <summary>Performs one update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var _ = GradMode.NoGrad();
        foreach (var group in ParamGroups)
            foreach (var p in group.Parameters)
            {
                if (p.Grad is not { } grad) continue;
                if (!ShapeUtils.SameShape(grad.ShapeArray, p.ShapeArray) || grad.DType != p.DType)
                    throw new InvalidOperationException(
                        $"{GetType().Name}: gradient of shape {ShapeUtils.Format(grad.ShapeArray)} ({grad.DType.Name()}) does not match parameter {ShapeUtils.Format(p.ShapeArray)} ({p.DType.Name()})");
                Update(p, StridedCopy.ToContiguous(grad), group, StateFor(p));
            }
    }

    /// <summary>Updates one parameter in place. Both tensors are contiguous with the same shape and dtype.</summary>
    protected abstract void Update(Tensor parameter, Tensor grad, ParamGroup group, Dictionary<string, Tensor> state);

    /// <summary>A snapshot of state and hyper-parameters (see <see cref="OptimizerStateDict"/>).</summary>
    public OptimizerStateDict StateDict()
    {
        var result = new OptimizerStateDict();
        var index = 0;
        foreach (var group in ParamGroups)
        {
            var ids = new int[group.Parameters.Count];
            for (var i = 0; i < ids.Length; i++, index++)
            {
                ids[i] = index;
                if (_state.TryGetValue(group.Parameters[i], out var s) && s.Count > 0)
                    result.State[index] = s.ToDictionary(kv => kv.Key, kv => StridedCopy.Copy(kv.Value));
            }
            result.ParamGroups.Add(new ParamGroupState(new Dictionary<string, double>(group.Options), ids));
        }
        return result;
    }

    /// <summary>Restores hyper-parameters and state saved by <see cref="StateDict"/> onto this optimizer's parameters
    /// (matched by position). Group structure and state shapes must match.</summary>
    public void LoadStateDict(OptimizerStateDict stateDict)
    {
        if (stateDict.ParamGroups.Count != ParamGroups.Count)
            throw new ArgumentException($"loaded state dict has a different number of parameter groups ({stateDict.ParamGroups.Count}) than the optimizer ({ParamGroups.Count})");
        for (var g = 0; g < ParamGroups.Count; g++)
            if (stateDict.ParamGroups[g].Params.Length != ParamGroups[g].Parameters.Count)
                throw new ArgumentException(
                    $"loaded state dict contains a parameter group that doesn't match the size of optimizer's group (group {g}: {stateDict.ParamGroups[g].Params.Length} saved vs {ParamGroups[g].Parameters.Count} parameters)");

        var restored = new Dictionary<Tensor, Dictionary<string, Tensor>>(ReferenceEqualityComparer.Instance);
        for (var g = 0; g < ParamGroups.Count; g++)
        {
            var saved = stateDict.ParamGroups[g];
            for (var i = 0; i < saved.Params.Length; i++)
            {
                if (!stateDict.State.TryGetValue(saved.Params[i], out var entries)) continue;
                var p = ParamGroups[g].Parameters[i];
                var state = new Dictionary<string, Tensor>();
                foreach (var (key, value) in entries)
                {
                    if (key == "step") { state[key] = StridedCopy.Copy(value.To(DType.Float64)); continue; }
                    if (!ShapeUtils.SameShape(value.ShapeArray, p.ShapeArray))
                        throw new ArgumentException(
                            $"optimizer state \"{key}\" for parameter {saved.Params[i]} has shape {ShapeUtils.Format(value.ShapeArray)} but the parameter has shape {ShapeUtils.Format(p.ShapeArray)}");
                    // Floating state follows the parameter's dtype, as in PyTorch.
                    state[key] = StridedCopy.Copy(value.Detach().To(p.DType));
                }
                restored[p] = state;
            }
        }
        for (var g = 0; g < ParamGroups.Count; g++)
            foreach (var (key, value) in stateDict.ParamGroups[g].Options) ParamGroups[g].Options[key] = value;
        _state.Clear();
        foreach (var (p, s) in restored) _state[p] = s;
    }

    /// <summary>Reads and increments the "step" counter of a parameter's state.</summary>
    protected static long IncrementStep(Dictionary<string, Tensor> state)
    {
        if (!state.TryGetValue("step", out var step)) state["step"] = step = Torch.Zeros([], DType.Float64);
        var next = step.Item<double>() + 1;
        step.Fill_(next);
        return (long)next;
    }
}
