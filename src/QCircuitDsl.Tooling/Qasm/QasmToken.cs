namespace QCircuitDsl.Tooling.Qasm;

internal enum QasmTokenKind
{
    Identifier,
    Integer,
    Real,
    String,
    /// <summary>Operators and punctuation, the text says which.</summary>
    Symbol,
    /// <summary><c>$0</c>: a physical qubit.</summary>
    HardwareQubit,
    /// <summary><c>#pragma …</c> or <c>@annotation …</c> up to the end of the line.</summary>
    Directive,
    End,
}

internal sealed record QasmToken(QasmTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string symbolOrWord) => (Kind == QasmTokenKind.Symbol || Kind == QasmTokenKind.Identifier) && Text == symbolOrWord;

    public string Describe() => Kind switch
    {
        QasmTokenKind.End => "the end of the file",
        QasmTokenKind.String => "a string",
        _ => "'" + Text + "'",
    };
}
