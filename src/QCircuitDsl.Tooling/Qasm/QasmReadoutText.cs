using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>A readout in .qc syntax over the exported register, for the comments at the end of an exported file.</summary>
internal static class QasmReadoutText
{
    public static string Describe(IrReadout r)
    {
        string Qubit(int q) => QasmExporter.Register + "[" + q + "]";
        return r.Kind switch
        {
            IrReadoutKind.ExpvalEach => $"expval({string.Join(", ", r.Axes.Select(a => a.ToString()))}) each {string.Join(", ", r.Qubits.Select(Qubit))}",
            IrReadoutKind.PauliString => $"pauli({string.Join(", ", r.Qubits.Select((q, k) => r.Axes[k] + " " + Qubit(q)))})",
            IrReadoutKind.Probabilities => "probs " + string.Join(", ", r.Qubits.Select(Qubit)),
            _ => "state",
        };
    }
}
