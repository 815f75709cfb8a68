using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Autograd;

/// <summary>
/// Per-call state shared between <see cref="Function.Forward"/> and <see cref="Function.Backward"/> (PyTorch's ctx).
/// </summary>
public sealed class FunctionContext
{
    private Tensor[]? _saved = [];
    private readonly HashSet<Tensor> _nonDifferentiable = new(ReferenceEqualityComparer.Instance);

    internal FunctionContext(bool[] needsInputGrad) => NeedsInputGrad = needsInputGrad;

    /// <summary>For each input: whether backward must produce its gradient (others may be returned as null).</summary>
    public IReadOnlyList<bool> NeedsInputGrad { get; }

    /// <summary>Free-form non-tensor state (shapes, flags, circuit metadata) for backward.</summary>
    public Dictionary<string, object> Items { get; } = new();

    /// <summary>Stores tensors needed by backward. Call at most once per forward, as in PyTorch.</summary>
    public void SaveForBackward(params Tensor[] tensors) => _saved = (Tensor[])tensors.Clone();

    /// <summary>The tensors passed to <see cref="SaveForBackward"/>; throws after the graph was freed.</summary>
    public IReadOnlyList<Tensor> SavedTensors => _saved ??
        throw new InvalidOperationException(
            "Trying to access saved tensors after they have already been freed; use retainGraph: true on the first backward.");

    /// <summary>Declares outputs that have no gradient (e.g. integer indices); they are returned without a grad_fn.</summary>
    public void MarkNonDifferentiable(params Tensor[] outputs)
    {
        foreach (var t in outputs) _nonDifferentiable.Add(t);
    }

    internal bool IsNonDifferentiable(Tensor t) => _nonDifferentiable.Contains(t);

    internal void Release() => _saved = null;
}
