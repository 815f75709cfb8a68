using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Autograd;

/// <summary>
/// User-defined differentiable operation (torch.autograd.Function). Subclass it, implement Forward and Backward, and call
/// <see cref="Apply"/>. Forward runs with grad recording off and sees plain tensors; Backward receives one gradient per
/// output (zeros for outputs that received none) and returns one gradient per input (null where none is needed).
/// Quantum circuits and fused kernels plug into autograd this way.
/// </summary>
/// <example>
/// <code>
/// sealed class Square : Function {
///     public override Tensor[] Forward(FunctionContext ctx, Tensor[] x) { ctx.SaveForBackward(x[0]); return [x[0] * x[0]]; }
///     public override Tensor?[] Backward(FunctionContext ctx, Tensor[] g) => [g[0] * 2.0 * ctx.SavedTensors[0]];
/// }
/// var y = new Square().ApplySingle(x);
/// </code>
/// </example>
public abstract class Function
{
    /// <summary>Name shown as the grad_fn; defaults to "{TypeName}Backward".</summary>
    public virtual string Name => GetType().Name + "Backward";

    public abstract Tensor[] Forward(FunctionContext ctx, Tensor[] inputs);

    public abstract Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs);

    /// <summary>Runs Forward and, when any input requires grad, records this call in the graph.</summary>
    public Tensor[] Apply(params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        for (var i = 0; i < inputs.Length; i++)
            if (inputs[i] is null) throw new ArgumentNullException(nameof(inputs), $"{Name}: input {i} is null");

        var needs = inputs.Select(t => GradMode.IsEnabled && t.RequiresGrad).ToArray();
        var ctx = new FunctionContext(needs);
        Tensor[] outputs;
        using (GradMode.NoGrad()) outputs = Forward(ctx, inputs);
        if (outputs is null || outputs.Length == 0) throw new InvalidOperationException($"{Name}: Forward must return at least one tensor");

        var differentiable = new bool[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            differentiable[i] = outputs[i] is { IsFloatingPoint: true } o && !ctx.IsNonDifferentiable(o);
            var output = outputs[i] ?? throw new InvalidOperationException($"{Name}: Forward returned null for output {i}");
            // An input returned unchanged must not have its own grad_fn overwritten: hand back an alias instead.
            if (inputs.Any(input => ReferenceEquals(input, output)) || !output.IsLeaf) outputs[i] = output.Detach();
        }

        if (needs.Any(n => n))
        {
            var node = new FunctionNode(this, ctx, inputs.Select((t, i) => needs[i] ? t : null).ToArray(), outputs);
            for (var i = 0; i < outputs.Length; i++)
                if (differentiable[i])
                    outputs[i].SetGradFn(node, i);
        }
        return outputs;
    }

    /// <summary>Apply for the common single-output case.</summary>
    public Tensor ApplySingle(params Tensor[] inputs)
    {
        var outputs = Apply(inputs);
        if (outputs.Length != 1) throw new InvalidOperationException($"{Name}: ApplySingle expects one output but Forward returned {outputs.Length}");
        return outputs[0];
    }

    private sealed class FunctionNode : Node
    {
        private readonly Function _function;
        private readonly FunctionContext _ctx;
        private readonly (int[] Shape, DType DType)[] _outputs;

        public FunctionNode(Function function, FunctionContext ctx, Tensor?[] inputs, Tensor[] outputs) : base(function.Name, inputs)
        {
            _function = function;
            _ctx = ctx;
            _outputs = outputs.Select(o => ((int[])o.ShapeArray.Clone(), o.DType)).ToArray();
        }

        internal override int NumOutputs => _outputs.Length;

        internal override Tensor?[] Apply(Tensor?[] gradOutputs)
        {
            var grads = new Tensor[gradOutputs.Length];
            for (var i = 0; i < grads.Length; i++)
                grads[i] = gradOutputs[i] ?? Torch.Zeros(_outputs[i].Shape, _outputs[i].DType);
            var result = _function.Backward(_ctx, grads)
                         ?? throw new InvalidOperationException($"{Name}: Backward returned null");
            if (result.Length != Inputs.Length)
                throw new InvalidOperationException(
                    $"function {Name} returned an incorrect number of gradients (expected {Inputs.Length}, got {result.Length})");
            for (var i = 0; i < result.Length; i++)
                if (Inputs[i] is null) result[i] = null;
            return result;
        }

        internal override void Release()
        {
            base.Release();
            _ctx.Release();
        }
    }
}
