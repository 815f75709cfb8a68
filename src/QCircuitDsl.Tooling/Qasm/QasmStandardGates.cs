using QCircuitDsl.Compiler.Binding;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// The stdgates.inc gates: most map to a .qc gate of the same name; the rest are defined here in
/// OpenQASM over those, and inlined like a user's gate definition.
/// </summary>
internal static class QasmStandardGates
{
    /// <summary>stdgates.inc (and the builtin U) → .qc gate name.</summary>
    private static readonly Dictionary<string, string> Native = new(StringComparer.Ordinal)
    {
        ["U"] = "u3",
        // stdgates' u3 carries a global phase e^{-i(φ+λ)/2} relative to U; like Qiskit and OpenQASM 2 we read it as U.
        ["u3"] = "u3",
        ["id"] = "id", ["x"] = "x", ["y"] = "y", ["z"] = "z", ["h"] = "h", ["s"] = "s", ["sdg"] = "sdg",
        ["t"] = "t", ["tdg"] = "tdg", ["sx"] = "sx", ["rx"] = "rx", ["ry"] = "ry", ["rz"] = "rz",
        ["p"] = "p", ["phase"] = "p", ["cx"] = "cx", ["CX"] = "cx", ["cy"] = "cy", ["cz"] = "cz", ["ch"] = "ch",
        ["swap"] = "swap", ["cswap"] = "cswap", ["crx"] = "crx", ["cry"] = "cry", ["crz"] = "crz",
        ["cp"] = "cp", ["cphase"] = "cp", ["cu1"] = "cp", ["ccx"] = "ccx",
    };

    /// <summary>The remaining stdgates.inc (and qelib1.inc) gates, written over the native ones; u2 up to global phase, as u3.</summary>
    public const string Prelude = """
        gate u1(l) q { p(l) q; }
        gate u2(f, l) q { U(pi / 2, f, l) q; }
        gate u(t, f, l) q { U(t, f, l) q; }
        gate cu(t, f, l, g) c, q { p(g) c; ctrl @ U(t, f, l) c, q; }
        gate cu3(t, f, l) c, q { ctrl @ U(t, f, l) c, q; }
        """;

    public static bool TryGetNative(string name, out string qcName, out GateDefinition definition)
    {
        definition = null!;
        return Native.TryGetValue(name, out qcName!) && GateTable.TryGet(qcName, out definition);
    }
}
