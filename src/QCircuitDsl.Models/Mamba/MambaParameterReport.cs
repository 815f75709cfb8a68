using System.Text;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// One quantum projection: where it sits, its sizes, its circuit (name, what it reads out, depth and gates) and its
/// parameters: the circuit's weights (quantum) and the Linear after the readout (classical).
/// </summary>
public sealed record QuantumBlockInfo(string Name, int InFeatures, int OutFeatures, string CircuitName, string Readout,
    int QuantumParameters, int ClassicalParameters, CircuitStats Circuit)
{
    public override string ToString() =>
        $"{Name}: {InFeatures} → {OutFeatures}, circuit {CircuitName} ({Circuit}), readout {Readout}; " +
        $"{QuantumParameters} quantum + {ClassicalParameters} classical parameters";

    /// <summary>The readout terms in short form, e.g. "probs[256]" or "⟨z⟩ each[8]".</summary>
    public static string DescribeReadout(CircuitProgram program) => string.Join(" + ", program.Readouts.Select(t => t.Kind switch
    {
        ReadoutKind.Probabilities => $"probs[{t.Length}]",
        ReadoutKind.ExpvalEach => $"⟨{t.Axes}⟩ each[{t.Length}]",
        ReadoutKind.PauliString => $"⟨{t.Axes}⟩",
        _ => $"state[{t.Length}]",
    }));
}

/// <summary>
/// Parameter counts split into quantum (circuit weight vectors) and classical (everything else, including the
/// Linear after each readout), plus every quantum block's circuit depth and gate counts.
/// </summary>
public sealed record MambaParameterReport(long ClassicalParameters, long QuantumParameters, IReadOnlyList<QuantumBlockInfo> QuantumBlocks)
{
    public long TotalParameters => ClassicalParameters + QuantumParameters;

    public static MambaParameterReport Of(Module model)
    {
        var groups = MambaParameterGroups.Of(model);
        var all = groups.InProj.Concat(groups.XProj).Concat(groups.OutProj).Concat(groups.Other).Concat(groups.NoDecay).ToList();
        long quantum = all.Where(p => p.IsQuantum).Sum(p => (long)p.Parameter.Numel);
        long classical = all.Where(p => !p.IsQuantum).Sum(p => (long)p.Parameter.Numel);
        var blocks = model.NamedModules()
            .Where(m => m.Module is QuantumProjection)
            .Select(m =>
            {
                var q = (QuantumProjection)m.Module;
                var program = q.Quantum.Circuit.Program;
                return new QuantumBlockInfo(m.Name, q.InFeatures, q.OutFeatures, program.Name, QuantumBlockInfo.DescribeReadout(program),
                    q.Quantum.Weight.Numel, q.Linear.Parameters().Sum(p => p.Numel), CircuitStats.Of(program));
            })
            .ToList();
        return new MambaParameterReport(classical, quantum, blocks);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"parameters: {TotalParameters} ({ClassicalParameters} classical, {QuantumParameters} quantum)");
        foreach (var b in QuantumBlocks) sb.AppendLine().Append("  ").Append(b);
        return sb.ToString();
    }
}
