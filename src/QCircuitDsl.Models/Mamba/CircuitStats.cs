using QCircuitDsl.Quantum;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Size of a compiled circuit: gate count per kind ("rot", "cnot", …) and depth, the longest chain of gates that
/// share a qubit (each gate starts one layer after the last gate on any of its qubits). The amplitude state
/// preparation is not a gate here: the simulator loads the encoded state directly, as the paper assumes.
/// </summary>
public sealed record CircuitStats(int Qubits, int Depth, int Gates, IReadOnlyDictionary<string, int> GateCounts)
{
    public static CircuitStats Of(CircuitProgram program)
    {
        var level = new int[program.QubitCount];
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var gate in program.Gates)
        {
            var qubits = gate.Controls.Concat(gate.Targets).ToArray();
            var layer = qubits.Max(q => level[q]) + 1;
            foreach (var q in qubits) level[q] = layer;
            var name = GateName(gate);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return new CircuitStats(program.QubitCount, level.DefaultIfEmpty(0).Max(), program.Gates.Count, counts);
    }

    private static string GateName(GateOp gate) =>
        gate is { Kind: GateKind.X, Controls.Length: 1 } ? "cnot"
            : new string('c', gate.Controls.Length) + gate.Kind.ToString().ToLowerInvariant() + (gate.Adjoint ? "†" : "");

    public override string ToString() =>
        $"{Qubits} qubits, depth {Depth}, {Gates} gates ({string.Join(", ", GateCounts.Select(kv => $"{kv.Value} {kv.Key}"))})";
}
