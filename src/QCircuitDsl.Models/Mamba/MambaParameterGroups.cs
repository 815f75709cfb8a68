using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>One named parameter; <see cref="IsQuantum"/> when it is a circuit's weight vector.</summary>
public sealed record NamedParameter(string Name, Parameter Parameter, bool IsQuantum);

/// <summary>Per-group hyper-parameters; the defaults are the HQC-Mamba paper's.</summary>
public sealed record MambaOptimizerSettings
{
    public double InProjLr { get; init; } = 3e-4;
    public double XProjLr { get; init; } = 1e-4;
    public double OutProjLr { get; init; } = 3e-4;
    public double OtherLr { get; init; } = 1e-3;

    /// <summary>Weight decay of classical weights; circuit weights (angles) and no-decay parameters get 0.</summary>
    public double WeightDecay { get; init; } = 0.01;
}

/// <summary>
/// A model's parameters by role: the three projections (classical and quantum parts together), everything else,
/// and the no-weight-decay set (A_log, D; these are not repeated in Other). Every parameter is in exactly one list.
/// </summary>
public sealed record MambaParameterGroups(
    IReadOnlyList<NamedParameter> InProj,
    IReadOnlyList<NamedParameter> XProj,
    IReadOnlyList<NamedParameter> OutProj,
    IReadOnlyList<NamedParameter> Other,
    IReadOnlyList<NamedParameter> NoDecay)
{
    public static MambaParameterGroups Of(Module model)
    {
        var quantum = new HashSet<Tensor>(model.Modules().OfType<QuantumLayer>().Select(q => (Tensor)q.Weight), ReferenceEqualityComparer.Instance);
        List<NamedParameter> inProj = [], xProj = [], outProj = [], other = [], noDecay = [];
        foreach (var (name, p) in model.NamedParameters())
        {
            var entry = new NamedParameter(name, p, quantum.Contains(p));
            var target = ParameterFlags.IsNoWeightDecay(p) ? noDecay
                : HasSegment(name, "in_proj") ? inProj
                : HasSegment(name, "x_proj") ? xProj
                : HasSegment(name, "out_proj") ? outProj
                : other;
            target.Add(entry);
        }
        return new MambaParameterGroups(inProj, xProj, outProj, other, noDecay);
    }

    private static bool HasSegment(string name, string segment) => name.Split('.').Contains(segment);

    /// <summary>
    /// Optimizer groups: each projection split into classical (lr of the projection, weight decay) and quantum
    /// (same lr, no decay); other (other lr, decay); no-decay (other lr, 0). Empty groups are left out.
    /// </summary>
    public IReadOnlyList<ParamGroup> ToParamGroups(MambaOptimizerSettings? settings = null)
    {
        var s = settings ?? new MambaOptimizerSettings();
        var groups = new List<ParamGroup>();
        void Add(IEnumerable<NamedParameter> members, double lr, double weightDecay)
        {
            var list = members.Select(m => (Tensor)m.Parameter).ToList();
            if (list.Count > 0) groups.Add(new ParamGroup(list, lr, weightDecay));
        }
        foreach (var (members, lr) in new[] { (InProj, s.InProjLr), (XProj, s.XProjLr), (OutProj, s.OutProjLr) })
        {
            Add(members.Where(m => !m.IsQuantum), lr, s.WeightDecay);
            Add(members.Where(m => m.IsQuantum), lr, 0);
        }
        Add(Other.Where(m => !m.IsQuantum), s.OtherLr, s.WeightDecay);
        Add(Other.Where(m => m.IsQuantum), s.OtherLr, 0);
        Add(NoDecay, s.OtherLr, 0);
        return groups;
    }
}
