using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>One IR gate as OpenQASM 3 statement(s).</summary>
internal static class QasmGateWriter
{
    public static IEnumerable<string> Lines(IrGate gate, QasmAngleWriter angles, ISet<string> usedDefinitions)
    {
        if (gate.Kind == GateKind.Rot)
        {
            // Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ): RZ(φ) acts first. Each factor keeps the controls
            // (a controlled product is the product of the controlled factors).
            yield return Line(GateKind.RZ, gate.Controls, gate.Targets, new[] { gate.Angles[0] }, gate.Adjoint, angles, usedDefinitions);
            yield return Line(GateKind.RY, gate.Controls, gate.Targets, new[] { gate.Angles[1] }, gate.Adjoint, angles, usedDefinitions);
            yield return Line(GateKind.RZ, gate.Controls, gate.Targets, new[] { gate.Angles[2] }, gate.Adjoint, angles, usedDefinitions);
            yield break;
        }

        yield return Line(gate.Kind, gate.Controls, gate.Targets, gate.Angles, gate.Adjoint, angles, usedDefinitions);
    }

    private static string Line(GateKind kind, IReadOnlyList<int> controls, IReadOnlyList<int> targets, IReadOnlyList<AffineExpression> angleList, bool adjoint, QasmAngleWriter angles, ISet<string> usedDefinitions)
    {
        if (adjoint && kind == GateKind.Rot)
        {
            // The binder inverts rot by reordering and negating angles, never by the flag; refuse rather than guess.
            throw new ArgumentException("an adjoint 'rot' gate cannot be exported.");
        }

        string name = BaseName(kind, adjoint && kind == GateKind.SX);
        bool inv = adjoint && kind != GateKind.SX;
        int extraControls = controls.Count;
        if (!inv && ControlledName(name, controls.Count) is string controlled)
        {
            name = controlled;
            extraControls = 0;
        }

        if (QasmGateLibrary.Definitions.Any(d => d.Name == name))
        {
            usedDefinitions.Add(name);
        }

        string modifiers = (extraControls switch { 0 => "", 1 => "ctrl @ ", _ => $"ctrl({extraControls}) @ " }) + (inv ? "inv @ " : "");
        string args = angleList.Count == 0 ? "" : "(" + string.Join(", ", angleList.Select(angles.Write)) + ")";
        string operands = string.Join(", ", controls.Concat(targets).Select(q => QasmExporter.Register + "[" + q + "]"));
        return $"{modifiers}{name}{args} {operands};";
    }

    private static string BaseName(GateKind kind, bool sxDagger) => kind switch
    {
        GateKind.SX when sxDagger => QasmGateLibrary.SxDagger,
        GateKind.I => "id",
        GateKind.U3 => "U",
        GateKind.ISwap => QasmGateLibrary.ISwap,
        GateKind.RXX => QasmGateLibrary.Rxx,
        GateKind.RYY => QasmGateLibrary.Ryy,
        GateKind.RZZ => QasmGateLibrary.Rzz,
        _ => GateFacts.SourceName(kind),
    };

    /// <summary>The stdgates name of a gate with its controls folded in (cx, ccx, crz, …), if there is one.</summary>
    private static string? ControlledName(string name, int controls) => (name, controls) switch
    {
        ("x", 1) => "cx",
        ("x", 2) => "ccx",
        ("y", 1) => "cy",
        ("z", 1) => "cz",
        ("h", 1) => "ch",
        ("p", 1) => "cp",
        ("rx", 1) => "crx",
        ("ry", 1) => "cry",
        ("rz", 1) => "crz",
        ("swap", 1) => "cswap",
        _ => null,
    };
}
