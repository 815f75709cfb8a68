using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Quantum;
using QCircuitDsl.Tooling;

namespace QCircuitDsl.Runtime.Tests.Quantum;

/// <summary>Small circuits compiled from .qc text with the real compiler, covering every readout kind.</summary>
internal static class TestCircuits
{
    /// <summary>3 qubits, 9 parameters, entangling gates; readouts: XYZ of every qubit (9), ⟨Z0 X2⟩ (1), probs of q0,q1 (4).</summary>
    public const string Mixed = """
        circuit mixed() {
            qubit[3] q;
            param theta[9];
            for int i in [0 : 2] ry(theta[i]) q[i];
            crx(theta[3]) q[0], q[1];
            cx q[1], q[2];
            rz(2 * theta[4] - theta[5]) q[2];
            rot(theta[6], theta[7], theta[8]) q[0];
            crz(theta[5]) q[2], q[0];
            readout expval(x, y, z) each q;
            readout pauli(z q[0], x q[2]);
            readout probs q[0:1];
        }
        """;

    /// <summary>Amplitude input of length 3 on 2 qubits, 4 parameters, probabilities and ⟨Y⟩ readouts.</summary>
    public const string Encoded = """
        circuit encoded() {
            qubit[2] q;
            param w[2][2];
            encode amplitude(x[3]) q;
            ry(w[0][0]) q[0];
            rx(w[0][1]) q[1];
            cx q[0], q[1];
            ry(w[1][0]) q[0];
            rz(w[1][1]) q[1];
            readout probs q;
            readout expval(y) each q;
        }
        """;

    public static QuantumCircuit Compile(string text, string name)
    {
        var compilation = QcCompilation.Create(name + ".qc", text);
        var lowered = compilation.Lower(name);
        Assert.True(lowered.Success, string.Join("\n", lowered.Diagnostics));
        return new QuantumCircuit(IrProgramConverter.ToProgram(lowered.Circuit!));
    }

    public static QuantumCircuit MixedCircuit() => Compile(Mixed, "mixed");
    public static QuantumCircuit EncodedCircuit() => Compile(Encoded, "encoded");
}
