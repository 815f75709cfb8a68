using System.Runtime.CompilerServices;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Per-parameter marks of the official implementation, which sets Python attributes on the tensors:
/// <c>_no_reinit</c> (dt_proj.bias: a global re-initialisation must keep its inverse-softplus init) and
/// <c>_no_weight_decay</c> (A_log, D). C# parameters are sealed, so the marks live in a weak table keyed by the
/// tensor object; they disappear with the parameter and never show up in the state dict.
/// </summary>
public static class ParameterFlags
{
    [Flags]
    private enum Mark { None = 0, NoReinit = 1, NoWeightDecay = 2 }

    private static readonly ConditionalWeakTable<Tensor, StrongBox<Mark>> Marks = new();

    public static void MarkNoReinit(Tensor parameter) => Add(parameter, Mark.NoReinit);
    public static void MarkNoWeightDecay(Tensor parameter) => Add(parameter, Mark.NoWeightDecay);

    /// <summary>True when every re-initialisation path must leave this parameter alone.</summary>
    public static bool IsNoReinit(Tensor parameter) => Has(parameter, Mark.NoReinit);

    /// <summary>True when optimizers should not apply weight decay to this parameter.</summary>
    public static bool IsNoWeightDecay(Tensor parameter) => Has(parameter, Mark.NoWeightDecay);

    private static void Add(Tensor parameter, Mark mark)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var box = Marks.GetValue(parameter, _ => new StrongBox<Mark>(Mark.None));
        lock (box) box.Value |= mark;
    }

    private static bool Has(Tensor parameter, Mark mark) =>
        parameter is not null && Marks.TryGetValue(parameter, out var box) && (box.Value & mark) != 0;
}
