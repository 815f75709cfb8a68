using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class MambaParameterTests
{
    private static MambaClassifier Hybrid(MambaProjections quantum) =>
        new(new MambaConfig(8), layerCount: 2, quantum: quantum, quantumOptions: QuantumProjectionOptions.Robust, generator: new Generator(1));

    [Fact]
    public void Every_parameter_lands_in_exactly_one_group()
    {
        var model = Hybrid(MambaProjections.InProj | MambaProjections.OutProj);
        var groups = model.ParameterGroups();
        var listed = groups.InProj.Concat(groups.XProj).Concat(groups.OutProj).Concat(groups.Other).Concat(groups.NoDecay)
            .Select(p => p.Name).ToList();
        Assert.Equal(model.NamedParameters().Select(p => p.Name).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains(groups.InProj, p => p.Name == "layers.1.mixer.in_proj.quantum.weight" && p.IsQuantum);
        Assert.Contains(groups.InProj, p => p.Name == "layers.1.mixer.in_proj.linear.weight" && !p.IsQuantum);
        Assert.Contains(groups.XProj, p => p.Name == "layers.0.mixer.x_proj.weight" && !p.IsQuantum);
        Assert.Contains(groups.Other, p => p.Name == "layers.0.mixer.dt_proj.bias");
        Assert.Equal(4, groups.NoDecay.Count);
    }

    [Fact]
    public void Optimizer_groups_carry_the_paper_learning_rates_and_no_decay_on_circuits()
    {
        var model = Hybrid(MambaProjections.All);
        var groups = model.ParameterGroups().ToParamGroups();
        Assert.Equal(model.Parameters().Count(), groups.Sum(g => g.Parameters.Count));
        var quantumWeights = model.Modules().OfType<QCircuitDsl.Runtime.Quantum.QuantumLayer>().Select(q => (Tensor)q.Weight).ToHashSet();
        foreach (var g in groups)
        {
            var isQuantum = g.Parameters.All(quantumWeights.Contains);
            Assert.True(isQuantum || !g.Parameters.Any(quantumWeights.Contains), "a group mixes circuit and classical weights");
            if (isQuantum) Assert.Equal(0, g.WeightDecay);
        }
        Assert.Equal([3e-4, 3e-4, 1e-4, 1e-4, 3e-4, 3e-4, 1e-3, 1e-3], groups.Select(g => g.Lr));
        Assert.Equal([0.01, 0, 0.01, 0, 0.01, 0, 0.01, 0], groups.Select(g => g.WeightDecay));
    }

    [Fact]
    public void Report_splits_classical_and_quantum_counts_and_describes_each_circuit()
    {
        var classical = Hybrid(MambaProjections.None).ParameterReport();
        Assert.Equal(0, classical.QuantumParameters);
        Assert.Empty(classical.QuantumBlocks);

        var model = Hybrid(MambaProjections.XProj);
        var report = model.ParameterReport();
        Assert.Equal(model.Parameters().Sum(p => (long)p.Numel), report.TotalParameters);
        // x_proj: d_inner 16 + bias amplitude → 5 qubits, 2 layers × 5 qubits × 3 angles per layer.
        Assert.Equal(2 * 2 * 5 * 3, report.QuantumParameters);
        var block = Assert.Single(report.QuantumBlocks, b => b.Name == "layers.0.mixer.x_proj");
        Assert.Equal(5, block.Circuit.Qubits);
        Assert.Equal(20, block.Circuit.Gates);
        Assert.Equal(new Dictionary<string, int> { ["cnot"] = 10, ["rot"] = 10 }, block.Circuit.GateCounts);
    }

    [Fact]
    public void Circuit_depth_counts_the_longest_chain_on_shared_qubits()
    {
        // Worked by hand for 4 qubits, 2 layers: layer 1 = rot column (1) + ring 0→1→2→3→0 (4 sequential) → 5;
        // layer 2 rots put q0..q3 at 6,4,5,6; CNOTs (0,2),(1,3) at 7, then (2,0),(3,1) at 8.
        var stats = CircuitStats.Of(new StronglyEntangling(n: 4, layers: 2).Program);
        Assert.Equal(8, stats.Depth);
        Assert.Equal(16, stats.Gates);
    }
}
