using System.Globalization;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>Angles as OpenQASM text: concrete "R"-formatted numbers when parameter values are given, else affine expressions of the inputs.</summary>
internal sealed class QasmAngleWriter
{
    private readonly IrCircuit _circuit;
    private readonly double[]? _values;

    public QasmAngleWriter(IrCircuit circuit, double[]? values)
    {
        _circuit = circuit;
        _values = values;
    }

    public string Write(AffineExpression angle) =>
        _values != null
            ? Number(angle.Evaluate(_values))
            : angle.ToString(i => QasmExporter.InputName(_circuit, i));

    /// <summary>"R" keeps every bit of a double; both OpenQASM and .qc read its exponent form (1E-05).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
