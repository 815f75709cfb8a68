using System.Text;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>Writes a flattened OpenQASM program as one .qc circuit: registers, parameter arrays, then one statement per gate.</summary>
internal static class QcWriter
{
    public static string Write(QasmFlatProgram program, string circuitName, string? source)
    {
        var names = new QcNames();
        string circuit = names.Allocate(circuitName);
        var registers = program.Registers.Select(r => (Name: names.Allocate(r.Name), r.Size)).ToList();
        var arrays = QcParameterLayout.Build(program.Inputs, names);
        int slots = program.Inputs.Sum(i => i.Size);
        var elementNames = QcParameterLayout.ElementNames(arrays, slots);

        // Global qubit index -> "reg[i]", registers numbered in declaration order as in both languages.
        var qubitNames = registers.SelectMany(r => Enumerable.Range(0, r.Size).Select(i => $"{r.Name}[{i}]")).ToArray();

        var w = new StringBuilder();
        w.Append("// Imported by qcdsl import-qasm").Append(source is null ? "" : " from " + source)
         .Append(": loops unrolled, gate definitions inlined.\n");
        foreach (var a in arrays.Where(a => a.Origin != a.Name))
        {
            w.Append("// param ").Append(a.Name).Append(" holds OpenQASM input(s) ").Append(a.Origin).Append('\n');
        }

        foreach (var note in program.Notes)
        {
            w.Append("// ").Append(note).Append('\n');
        }

        w.Append("circuit ").Append(circuit).Append("() {\n");
        foreach (var r in registers)
        {
            w.Append("    qubit[").Append(r.Size).Append("] ").Append(r.Name).Append(";\n");
        }

        foreach (var a in arrays)
        {
            w.Append("    param ").Append(a.Name).Append(string.Concat(a.Shape.Select(d => "[" + d + "]"))).Append(";\n");
        }

        w.Append('\n');
        foreach (var g in program.Gates)
        {
            w.Append("    ").Append(Statement(g, elementNames, qubitNames)).Append('\n');
        }

        w.Append("\n    // OpenQASM has no readouts; add some, e.g.: readout expval(z) each ").Append(registers[0].Name).Append(";\n");
        w.Append("}\n");
        return w.ToString();
    }

    private static string Statement(QasmFlatGate g, string[] elementNames, string[] qubitNames)
    {
        var sb = new StringBuilder();
        if (g.Controls == 1)
        {
            sb.Append("ctrl @ ");
        }
        else if (g.Controls > 1)
        {
            sb.Append("ctrl(").Append(g.Controls).Append(") @ ");
        }

        if (g.Inverse)
        {
            sb.Append("inv @ ");
        }

        sb.Append(g.Name);
        if (g.Angles.Count > 0)
        {
            sb.Append('(').Append(string.Join(", ", g.Angles.Select(a => a.ToString(i => elementNames[i])))).Append(')');
        }

        sb.Append(' ').Append(string.Join(", ", g.Qubits.Select(q => qubitNames[q]))).Append(';');
        return sb.ToString();
    }
}
