namespace QCircuitDsl.Tooling.Qasm;

/// <summary>An OpenQASM construct import-qasm cannot translate, with the 1-based line and column where it was found.</summary>
public sealed class QasmImportException : Exception
{
    public QasmImportException(int line, int column, string message)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }
    public int Column { get; }

    /// <summary>MSBuild-style location, as the .qc compiler prints its diagnostics: <c>file.qasm(12,5): message</c>.</summary>
    public string Format(string file) => $"{file}({Line},{Column}): {Message}";
}
