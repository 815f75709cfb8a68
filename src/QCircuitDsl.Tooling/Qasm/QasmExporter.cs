using System.Globalization;
using System.Text;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Writes a lowered (flat) <see cref="IrCircuit"/> as OpenQASM 3: one register <c>q</c> whose index i is
/// the .qc qubit i, stdgates names where they exist, <c>gate</c> definitions for iswap/rxx/ryy/rzz/sxdg,
/// <c>ctrl @</c> where no controlled stdgate exists, and readouts as comments (OpenQASM has none).
/// </summary>
public static class QasmExporter
{
    public const string Register = "q";

    public static string Export(IrCircuit circuit, QasmExportOptions? options = null)
    {
        options ??= new QasmExportOptions();
        if (circuit.Input != null)
        {
            throw new ArgumentException(
                $"circuit '{circuit.Name}' prepares its input with 'encode amplitude({circuit.Input.Name})', which has no OpenQASM gate equivalent; only circuits without 'encode' can be exported.");
        }

        if (options.Parameters != null && options.Parameters.Length != circuit.ParameterCount)
        {
            throw new ArgumentException($"circuit '{circuit.Name}' has {circuit.ParameterCount} parameters, but {options.Parameters.Length} values were given.");
        }

        var body = new StringBuilder();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var angles = new QasmAngleWriter(circuit, options.Parameters);
        foreach (var gate in circuit.Gates)
        {
            foreach (var line in QasmGateWriter.Lines(gate, angles, used))
            {
                body.Append(line).Append('\n');
            }
        }

        var w = new StringBuilder();
        WriteHeader(w, circuit, options);
        foreach (var (name, definition) in QasmGateLibrary.Definitions)
        {
            if (used.Contains(name))
            {
                w.Append(definition).Append('\n');
            }
        }

        if (used.Count > 0)
        {
            w.Append('\n');
        }

        if (options.Parameters is null)
        {
            WriteInputs(w, circuit);
        }

        w.Append("qubit[").Append(circuit.QubitCount.ToString(CultureInfo.InvariantCulture)).Append("] ").Append(Register).Append(";\n\n");
        w.Append(body);
        WriteReadouts(w, circuit);
        return w.ToString();
    }

    /// <summary>The OpenQASM input name of flat parameter <paramref name="index"/>: <c>theta[0][3]</c> → <c>theta_0_3</c>.</summary>
    public static string InputName(IrCircuit circuit, int index) =>
        circuit.ParameterName(index).Replace("][", "_").Replace("[", "_").Replace("]", "");

    private static void WriteHeader(StringBuilder w, IrCircuit circuit, QasmExportOptions options)
    {
        var args = string.Join(", ", circuit.Arguments.Select(a => a.Key + "=" + a.Value.ToString(CultureInfo.InvariantCulture)));
        w.Append("// Circuit ").Append(circuit.Name).Append('(').Append(args).Append(')');
        if (options.SourceDescription != null)
        {
            w.Append(" from ").Append(options.SourceDescription);
        }

        w.Append(", exported by qcdsl export-qasm.\n");
        w.Append("// q[i] is qubit i of the .qc circuit (the most significant bit of a .qc basis index).\n");
        w.Append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n\n");
    }

    private static void WriteInputs(StringBuilder w, IrCircuit circuit)
    {
        foreach (var array in circuit.ParameterArrays)
        {
            // Scalars rather than input arrays: the form other OpenQASM 3 tools (e.g. Qiskit) read as parameters.
            w.Append("// ").Append(array.Name).Append('[').Append(string.Join("][", array.Shape)).Append("], flattened row-major as ")
             .Append(array.Name).Append(string.Concat(array.Shape.Select((_, d) => "_" + (char)('i' + d)))).Append('\n');
            for (int i = 0; i < array.Size; i++)
            {
                w.Append("input float[64] ").Append(InputName(circuit, array.Offset + i)).Append(";\n");
            }
        }

        if (circuit.ParameterArrays.Count > 0)
        {
            w.Append('\n');
        }
    }

    private static void WriteReadouts(StringBuilder w, IrCircuit circuit)
    {
        if (circuit.Readouts.Count == 0)
        {
            return;
        }

        w.Append("\n// Readouts of the .qc circuit (OpenQASM 3 has no expectation values):\n");
        foreach (var r in circuit.Readouts)
        {
            w.Append("// readout ").Append(QasmReadoutText.Describe(r)).Append(";\n");
        }
    }
}
