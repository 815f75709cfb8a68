using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Tooling.Drawing;

namespace QCircuitDsl.Tooling.Analysis;

/// <summary>Structural facts about a circuit: size, depth as drawn, gate counts by type, parameters.</summary>
public sealed record GateStatistics(
    int Qubits,
    int Depth,
    int Gates,
    IReadOnlyList<KeyValuePair<string, int>> GateCounts,
    int TwoQubitGates,
    IReadOnlyList<KeyValuePair<string, int>> TwoQubitGateCounts,
    int Parameters,
    int ParametersUsed)
{
    public static GateStatistics Of(IrCircuit circuit)
    {
        var all = Count(circuit.Gates);
        var two = circuit.Gates.Where(g => g.Controls.Count + g.Targets.Count == 2).ToArray();
        var used = circuit.Gates.SelectMany(g => g.Angles).SelectMany(a => a.Terms).Select(t => t.ParameterIndex).Distinct().Count();
        return new GateStatistics(
            circuit.QubitCount,
            CircuitLayout.Build(circuit).Depth,
            circuit.Gates.Count,
            all,
            two.Length,
            Count(two),
            circuit.ParameterCount,
            used);
    }

    /// <summary>
    /// The gate's type as the language would spell it with its controls folded in: cx, crx, ccx, cswap;
    /// ctrl @ on other gates gives the same c-prefix (ctrl @ h → ch). An adjoint fixed gate gets †.
    /// </summary>
    public static string TypeName(IrGate gate) =>
        new string('c', gate.Controls.Count) + GateFacts.SourceName(gate.Kind) + (gate.Adjoint ? "†" : "");

    // Sorted by name (ordinal) so the output does not depend on gate order.
    private static IReadOnlyList<KeyValuePair<string, int>> Count(IEnumerable<IrGate> gates) =>
        gates.GroupBy(TypeName)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToArray();
}
