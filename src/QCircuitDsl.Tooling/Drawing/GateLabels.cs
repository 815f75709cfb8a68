using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Drawing;

/// <summary>How a gate is marked on each of its wires, with angles written in parameter names.</summary>
public static class GateLabels
{
    public static IReadOnlyList<DiagramCell> Cells(IrGate gate, Func<int, string> parameterName)
    {
        var cells = gate.Controls.Select(q => new DiagramCell(q, CellMark.Control)).ToList();
        bool controlled = gate.Controls.Count > 0;
        foreach (var target in gate.Targets)
        {
            cells.Add(gate.Kind switch
            {
                // ⊕ only reads as "X" next to a control; a bare X stays a box.
                GateKind.X when controlled => new DiagramCell(target, CellMark.Plus),
                // CZ is symmetric, so the usual drawing marks both of its qubits alike: ●─●.
                GateKind.Z when controlled => new DiagramCell(target, CellMark.Control),
                GateKind.Swap => new DiagramCell(target, CellMark.Cross),
                _ => new DiagramCell(target, CellMark.Box, BoxLabel(gate, parameterName)),
            });
        }

        return cells;
    }

    /// <summary>The text of a gate's box, e.g. <c>RY(theta[0][1])</c> or <c>SX†</c>.</summary>
    public static string BoxLabel(IrGate gate, Func<int, string> parameterName)
    {
        var name = Name(gate.Kind) + (gate.Adjoint ? "†" : "");
        return gate.Angles.Count == 0
            ? name
            : name + "(" + string.Join(", ", gate.Angles.Select(a => a.ToString(parameterName))) + ")";
    }

    public static string Name(GateKind kind) => kind switch
    {
        GateKind.Sdg => "S†",
        GateKind.Tdg => "T†",
        GateKind.Rot => "Rot",
        GateKind.ISwap => "iSWAP",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
