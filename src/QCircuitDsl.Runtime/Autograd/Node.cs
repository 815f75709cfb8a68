using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Autograd;

/// <summary>
/// One recorded operation in the autograd graph (torch's grad_fn). It maps gradients of its outputs to gradients of
/// its inputs. Inputs that did not require grad at record time are stored as null and receive nothing.
/// </summary>
public abstract class Node
{
    private protected Node(string name, Tensor?[] inputs)
    {
        Name = name;
        Inputs = inputs;
    }

    /// <summary>PyTorch-style name such as "MulBackward" or the custom Function's type name.</summary>
    public string Name { get; }

    internal Tensor?[] Inputs { get; }

    /// <summary>The nodes that produced this node's inputs (null for leaves and inputs without grad).</summary>
    public IReadOnlyList<Node?> NextFunctions => Inputs.Select(i => i?.GradFn).ToArray();

    internal abstract int NumOutputs { get; }

    /// <summary>True once the saved state was freed by a backward pass without retainGraph.</summary>
    internal bool Released { get; private set; }

    /// <summary>Computes one gradient per input (null = no gradient). Entries of gradOutputs may be null when an
    /// output received no gradient.</summary>
    internal abstract Tensor?[] Apply(Tensor?[] gradOutputs);

    /// <summary>Frees saved tensors; a later backward through this node fails with a clear message.</summary>
    internal virtual void Release() => Released = true;

    public override string ToString() => Name;
}

/// <summary>The node used by built-in ops: a single output and a closure holding what backward needs.</summary>
internal sealed class LambdaNode : Node
{
    private Func<Tensor, Tensor?[]>? _backward;

    public LambdaNode(string name, Tensor?[] inputs, Func<Tensor, Tensor?[]> backward) : base(name, inputs) => _backward = backward;

    internal override int NumOutputs => 1;

    internal override Tensor?[] Apply(Tensor?[] gradOutputs)
    {
        var backward = _backward ?? throw Engine.FreedGraphError(Name);
        // A single-output node only runs when its output received a gradient.
        return backward(gradOutputs[0]!);
    }

    internal override void Release()
    {
        base.Release();
        _backward = null;
    }
}

/// <summary>The node used by built-in ops with several outputs (split, chunk): one closure maps all outputs' gradients
/// at once, so a tensor cut into n pieces costs one backward over it rather than n full-size ones.</summary>
internal sealed class MultiOutputLambdaNode : Node
{
    private readonly int _outputs;
    private Func<Tensor?[], Tensor?[]>? _backward;

    public MultiOutputLambdaNode(string name, Tensor?[] inputs, int outputs, Func<Tensor?[], Tensor?[]> backward) : base(name, inputs)
    {
        _outputs = outputs;
        _backward = backward;
    }

    internal override int NumOutputs => _outputs;

    /// <summary>Entries of gradOutputs are null for outputs that received no gradient; the closure must handle them.</summary>
    internal override Tensor?[] Apply(Tensor?[] gradOutputs)
    {
        var backward = _backward ?? throw Engine.FreedGraphError(Name);
        return backward(gradOutputs);
    }

    internal override void Release()
    {
        base.Release();
        _backward = null;
    }
}

/// <summary>How built-in ops attach themselves to the graph.</summary>
internal static class AutogradRecorder
{
    /// <summary>True when an op with these inputs must record a node.</summary>
    public static bool ShouldRecord(params Tensor?[] inputs)
    {
        if (!GradMode.IsEnabled) return false;
        foreach (var t in inputs) if (t is not null && t.RequiresGrad) return true;
        return false;
    }

    /// <summary>Makes <paramref name="output"/> a non-leaf produced by <paramref name="name"/> when grad mode is on and
    /// any input requires grad. The closure receives d(loss)/d(output) and returns one gradient per input (nulls allowed,
    /// and ignored for inputs that do not require grad).</summary>
    public static void Record(string name, Tensor output, Tensor?[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (!ShouldRecord(inputs)) return;
        var tracked = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++) tracked[i] = inputs[i] is { RequiresGrad: true } t ? t : null;
        output.SetGradFn(new LambdaNode(name, tracked, backward), 0);
    }

    /// <summary>Record for an op with several outputs: all of them become outputs of one node, whose closure receives
    /// one gradient per output (null where an output received none) and returns one gradient per input.</summary>
    public static void RecordMulti(string name, Tensor[] outputs, Tensor?[] inputs, Func<Tensor?[], Tensor?[]> backward)
    {
        if (!ShouldRecord(inputs)) return;
        var tracked = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++) tracked[i] = inputs[i] is { RequiresGrad: true } t ? t : null;
        var node = new MultiOutputLambdaNode(name, tracked, outputs.Length, backward);
        for (var i = 0; i < outputs.Length; i++) outputs[i].SetGradFn(node, i);
    }
}
