namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// OpenQASM 3 <c>gate</c> definitions for the .qc gates that stdgates.inc lacks. Each is an exact
/// decomposition (global phase included), so a controlled use (<c>ctrl @ rzz</c>) stays exact; the
/// QASM round-trip tests check every one of them against the .qc matrices.
/// </summary>
internal static class QasmGateLibrary
{
    public const string ISwap = "iswap";
    public const string Rxx = "rxx";
    public const string Ryy = "ryy";
    public const string Rzz = "rzz";
    public const string SxDagger = "sxdg";

    /// <summary>The definitions in a fixed order, so exported files are deterministic.</summary>
    public static readonly IReadOnlyList<(string Name, string Definition)> Definitions = new[]
    {
        // iSWAP: |01> -> i|10>, |10> -> i|01> (Qiskit's decomposition, exact).
        (ISwap, "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }"),
        // exp(-i theta/2 X⊗X) = (H⊗H) exp(-i theta/2 Z⊗Z) (H⊗H); the ZZ rotation is cx · rz · cx.
        (Rxx, "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }"),
        // Same with RX(pi/2), which maps Z to ±Y on each qubit (the signs cancel in Y⊗Y).
        (Ryy, "gate ryy(theta) a, b { rx(pi / 2) a; rx(pi / 2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi / 2) a; rx(-pi / 2) b; }"),
        (Rzz, "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }"),
        (SxDagger, "gate sxdg a { inv @ sx a; }"),
    };
}
