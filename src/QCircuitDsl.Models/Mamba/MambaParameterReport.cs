using System.Text;
using QCircuitDsl.Runtime.NN;

namespace QCircuitDsl.Models.Mamba;

/// <summary>One quantum projection: where it sits, its sizes and its circuit.</summary>
public sealed record QuantumBlockInfo(string Name, int InFeatures, int OutFeatures, int Layers, QuantumReadout Readout,
    int QuantumParameters, int ClassicalParameters, CircuitStats Circuit);

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
                return new QuantumBlockInfo(m.Name, q.InFeatures, q.OutFeatures, q.Options.Layers, q.Options.Readout,
                    q.Quantum.Weight.Numel, q.Linear.Parameters().Sum(p => p.Numel), CircuitStats.Of(q.Quantum.Circuit.Program));
            })
            .ToList();
        return new MambaParameterReport(classical, quantum, blocks);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"parameters: {TotalParameters} ({ClassicalParameters} classical, {QuantumParameters} quantum)");
        foreach (var b in QuantumBlocks)
            sb.AppendLine().Append($"  {b.Name}: {b.InFeatures} → {b.OutFeatures}, {b.Layers} layers, {b.Readout}, " +
                                   $"{b.QuantumParameters} circuit + {b.ClassicalParameters} linear parameters; {b.Circuit}");
        return sb.ToString();
    }
}
