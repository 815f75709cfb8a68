using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Quantum;
using IrGateKind = QCircuitDsl.Compiler.Ir.GateKind;
using RuntimeGateKind = QCircuitDsl.Quantum.GateKind;

namespace QCircuitDsl.Tooling;

/// <summary>
/// Turns a lowered <see cref="IrCircuit"/> into the runtime's <see cref="CircuitProgram"/>, so that a
/// circuit compiled at run time (the CLI) runs on the same engine as a generated class. Generated
/// classes build the same program through their emitted construction code; tests check both agree.
/// </summary>
public static class IrProgramConverter
{
    public static CircuitProgram ToProgram(IrCircuit circuit, string sourceFile = "")
    {
        var arrays = circuit.ParameterArrays.Select(a => new ParameterArrayInfo(a.Name, a.Shape.ToArray(), a.Offset)).ToArray();
        var input = circuit.Input is null ? null : new AmplitudeInputInfo(circuit.Input.Name, circuit.Input.Length);
        var gates = circuit.Gates.Select(g => new GateOp(
            ToRuntime(g.Kind),
            g.Controls.ToArray(),
            g.Targets.ToArray(),
            g.Angles.Select(ToParamExpr).ToArray(),
            g.Adjoint,
            $"{sourceFile}({g.Origin.Line},{g.Origin.Column})")).ToArray();
        var readouts = circuit.Readouts.Select(r => new ReadoutTerm(ToRuntime(r.Kind), r.Axes, r.Qubits.ToArray())).ToArray();
        return new CircuitProgram(circuit.Name, circuit.QubitCount, arrays, input, gates, readouts);
    }

    public static ParamExpr ToParamExpr(AffineExpression e) =>
        ParamExpr.Create(e.Constant, e.Terms.Select(t => (t.ParameterIndex, t.Coefficient)));

    // The two enums share names and numbers by design (see Ir/GateKind.cs); map by name so a mismatch fails loudly.
    public static RuntimeGateKind ToRuntime(IrGateKind kind) => Enum.Parse<RuntimeGateKind>(kind.ToString());

    public static ReadoutKind ToRuntime(IrReadoutKind kind) => Enum.Parse<ReadoutKind>(kind.ToString());
}
