namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// OpenQASM 3 (the subset shared with .qc) → .qc source. The program is parsed by hand, run at import
/// time into a flat gate list (loops unrolled, gate definitions inlined) and written as one circuit.
/// Anything outside the subset throws <see cref="QasmImportException"/> naming the line and construct.
/// </summary>
public static class QasmImporter
{
    public static string Import(string qasm, string circuitName, string? sourceName = null)
    {
        var program = QasmParser.Parse(qasm);
        var flat = QasmFlattener.Flatten(program);
        foreach (var g in flat.Gates)
        {
            foreach (var angle in g.Angles)
            {
                if (!double.IsFinite(angle.Constant) || angle.Terms.Any(t => !double.IsFinite(t.Coefficient)))
                {
                    throw new QasmImportException(g.Line, 1, $"an angle of '{g.Name}' is not a finite number");
                }
            }
        }

        return QcWriter.Write(flat, circuitName, sourceName);
    }

    /// <summary>A circuit name from a file name: <c>my-circuit.qasm</c> → <c>my_circuit</c>.</summary>
    public static string CircuitNameFor(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var name = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }
}
