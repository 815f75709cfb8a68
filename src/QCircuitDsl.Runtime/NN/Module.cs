using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>
/// Base of all layers (torch.nn.Module). Subclasses register parameters, buffers and submodules by name in their
/// constructor (C# has no __setattr__ hook, so registration is explicit); the registration order defines the order of
/// Parameters(), NamedParameters() and StateDict(), and names nest with dots: "layers.0.mixer.in_proj.weight".
/// </summary>
public abstract class Module
{
    private readonly OrderedDictionary<string, Parameter?> _parameters = new();
    private readonly OrderedDictionary<string, Tensor?> _buffers = new();
    private readonly HashSet<string> _nonPersistentBuffers = new();
    private readonly OrderedDictionary<string, Module?> _modules = new();

    /// <summary>True in training mode (the default); affects Dropout and similar layers.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Type name used in error messages and printing.</summary>
    public virtual string TypeName => GetType().Name;

    // ---------------------------------------------------------------- registration

    /// <summary>Registers (or with null, declares an absent) parameter and returns it for inline assignment.</summary>
    protected Parameter? RegisterParameter(string name, Parameter? parameter)
    {
        CheckName(name, _parameters.ContainsKey(name));
        _parameters[name] = parameter;
        return parameter;
    }

    /// <summary>Registers a non-trainable tensor (e.g. running statistics). Persistent buffers are part of the state
    /// dict.</summary>
    protected Tensor? RegisterBuffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckName(name, _buffers.ContainsKey(name));
        _buffers[name] = tensor;
        if (!persistent) _nonPersistentBuffers.Add(name);
        return tensor;
    }

    /// <summary>Registers a child module (torch: add_module / register_module) and returns it.</summary>
    public T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckName(name, _modules.ContainsKey(name));
        _modules[name] = module;
        return module;
    }

    private void CheckName(string name, bool existsInSameKind)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException($"{TypeName}: name cannot be empty");
        if (name.Contains('.')) throw new ArgumentException($"{TypeName}: name \"{name}\" cannot contain \".\"");
        if (existsInSameKind) return; // re-registration replaces, like attribute assignment
        if (_parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _modules.ContainsKey(name))
            throw new ArgumentException($"{TypeName}: attribute \"{name}\" already exists as a different kind (parameter, buffer or module)");
    }

    // ---------------------------------------------------------------- traversal

    public IEnumerable<(string Name, Module Module)> NamedChildren() =>
        _modules.Where(kv => kv.Value is not null).Select(kv => (kv.Key, kv.Value!));

    public IEnumerable<Module> Children() => NamedChildren().Select(c => c.Module);

    /// <summary>This module (name "") and all descendants, depth first in registration order; each module once.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules(string prefix = "")
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        return NamedModulesCore(prefix, seen);
    }

    private IEnumerable<(string, Module)> NamedModulesCore(string prefix, HashSet<Module> seen)
    {
        if (!seen.Add(this)) yield break;
        yield return (prefix, this);
        foreach (var (name, child) in NamedChildren())
            foreach (var item in child.NamedModulesCore(Join(prefix, name), seen))
                yield return item;
    }

    public IEnumerable<Module> Modules() => NamedModules().Select(m => m.Module);

    /// <summary>Parameters with dotted names; a parameter shared by several modules is listed once.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, module) in recurse ? NamedModules() : [("", this)])
            foreach (var kv in module._parameters)
                if (kv.Value is { } p && seen.Add(p))
                    yield return (Join(prefix, kv.Key), p);
    }

    public IEnumerable<Parameter> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Parameter);

    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(bool recurse = true)
    {
        foreach (var (prefix, module) in recurse ? NamedModules() : [("", this)])
            foreach (var kv in module._buffers)
                if (kv.Value is { } b)
                    yield return (Join(prefix, kv.Key), b);
    }

    public IEnumerable<Tensor> Buffers(bool recurse = true) => NamedBuffers(recurse).Select(b => b.Buffer);

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    // ---------------------------------------------------------------- modes and housekeeping

    /// <summary>Sets training mode on this module and all descendants; returns this.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var m in Modules()) m.Training = mode;
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Clears (default, like PyTorch 2.x) or zeroes every parameter's gradient.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters())
        {
            if (p.Grad is null) continue;
            if (setToNone) p.Grad = null;
            else using (GradMode.NoGrad()) p.Grad.Zero_();
        }
    }

    /// <summary>Calls fn on every module (children first, then this one), as torch's Module.apply.</summary>
    public Module Apply(Action<Module> fn)
    {
        foreach (var child in Children()) child.Apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Converts floating parameters and buffers in place (identity is kept, gradients are dropped).</summary>
    public Module To(DType dtype)
    {
        if (!dtype.IsFloatingPoint()) throw new ArgumentException($"Module.To: only floating point dtypes are allowed, got {dtype.Name()}");
        foreach (var m in Modules())
        {
            foreach (var kv in m._parameters)
                if (kv.Value is { } p && p.DType != dtype) p.SetData(Casting.To(p.Detach(), dtype));
            foreach (var key in m._buffers.Keys.ToList())
                if (m._buffers[key] is { IsFloatingPoint: true } b && b.DType != dtype) b.SetData(Casting.To(b.Detach(), dtype));
        }
        return this;
    }

    public Module To(Device device) => device == Device.CPU ? this : throw new NotSupportedException($"device {device} is not available");

    public Module Double() => To(DType.Float64);
    public Module Float() => To(DType.Float32);

    // ---------------------------------------------------------------- state dict

    /// <summary>Parameters and persistent buffers by dotted name, in registration order. The tensors are detached
    /// aliases of the live storage (copy them before mutating if you need a snapshot).</summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var result = new OrderedDictionary<string, Tensor>();
        foreach (var (key, tensor) in StateEntries()) result[key] = tensor.Detach();
        return result;
    }

    private IEnumerable<(string Key, Tensor Target)> StateEntries()
    {
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var kv in module._parameters)
                if (kv.Value is { } p) yield return (Join(prefix, kv.Key), p);
            foreach (var kv in module._buffers)
                if (kv.Value is { } b && !module._nonPersistentBuffers.Contains(kv.Key)) yield return (Join(prefix, kv.Key), b);
        }
    }

    /// <summary>
    /// Copies values into the existing parameters and buffers. Shape mismatches always fail; with strict (default)
    /// missing and unexpected names fail too. All problems are reported together and nothing is copied on failure.
    /// Values are converted to each target's dtype.
    /// </summary>
    public LoadStateDictResult LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        var targets = new OrderedDictionary<string, Tensor>();
        foreach (var (key, target) in StateEntries()) targets[key] = target;
        var missing = targets.Keys.Where(k => !stateDict.ContainsKey(k)).ToList();
        var unexpected = stateDict.Keys.Where(k => !targets.ContainsKey(k)).ToList();
        var mismatched = new List<string>();
        foreach (var (key, target) in targets)
        {
            if (!stateDict.TryGetValue(key, out var source)) continue;
            if (!ShapeUtils.SameShape(source.ShapeArray, target.ShapeArray))
                mismatched.Add($"size mismatch for {key}: copying a param with shape {ShapeUtils.Format(source.ShapeArray)} from checkpoint, the shape in current model is {ShapeUtils.Format(target.ShapeArray)}.");
        }
        if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
            throw new StateDictLoadException(TypeName, missing, unexpected, mismatched);

        using (GradMode.NoGrad())
            foreach (var (key, target) in targets)
                if (stateDict.TryGetValue(key, out var source)) StridedCopy.CopyInto(source, target);
        return new LoadStateDictResult(missing, unexpected);
    }

    public override string ToString() => ModuleFormatter.Format(this);

    /// <summary>Extra text shown in this module's printed line, e.g. "in_features=4, out_features=2, bias=True".</summary>
    public virtual string ExtraRepr() => "";
}

/// <summary>A module with a typed forward (TorchSharp's Module&lt;T, TResult&gt;). Call it with Forward or Call.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    public abstract TOutput Forward(TInput input);

    /// <summary>Same as Forward (mirrors calling the module object in Python).</summary>
    public TOutput Call(TInput input) => Forward(input);
}

/// <summary>PyTorch-style module tree printing.</summary>
internal static class ModuleFormatter
{
    public static string Format(Module module)
    {
        var children = module.NamedChildren().ToList();
        var head = module.TypeName + "(" + module.ExtraRepr();
        if (children.Count == 0) return head + ")";
        var lines = new List<string> { head };
        foreach (var (name, child) in children)
            lines.Add("  (" + name + "): " + Format(child).Replace("\n", "\n  "));
        lines.Add(")");
        return string.Join("\n", lines);
    }
}
