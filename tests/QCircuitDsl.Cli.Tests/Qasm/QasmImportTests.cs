using QCircuitDsl.Tooling.Qasm;
using static QCircuitDsl.Cli.Tests.Qasm.QasmTestSupport;

namespace QCircuitDsl.Cli.Tests.Qasm;

/// <summary>The OpenQASM subset import-qasm reads, checked against hand-written .qc equivalents.</summary>
public sealed class QasmImportTests
{
    private const string Header = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    [Fact]
    public void Definitions_loops_modifiers_constants_and_broadcasting_mean_what_OpenQASM_says()
    {
        const string qasm = Header + """
            const int n = 3;
            input float[64] a;
            input array[float[64], 2] w;
            gate layer(t) x, y { ry(t) x; cx x, y; rz(2 * t + pi / 4) y; }
            qubit[n] q;
            h q;
            for int i in [0:n-2] layer(a * (i + 1)) q[i], q[i+1];
            ctrl @ layer(w[0]) q[2], q[0], q[1];
            inv @ layer(w[1]) q[0], q[2];
            pow(2) @ sx q[1];
            ctrl @ gphase(0.3) q[0];
            barrier q;
            for int i in [n-1:-1:0] { rx(-w[0] / 2) q[i]; }
            cx q[0:1], q[1:2];
            u1(0.25) q[2]; cu(0.1, 0.2, 0.3, 0.4) q[0], q[1]; CX q[2], q[0]; cphase(a) q[1], q[2];
            """;
        const string expected = """
            circuit expected() {
                qubit[3] q;
                param a[1];
                param w[2];
                h q[0]; h q[1]; h q[2];
                ry(a[0]) q[0]; cx q[0], q[1]; rz(2 * a[0] + pi / 4) q[1];
                ry(2 * a[0]) q[1]; cx q[1], q[2]; rz(4 * a[0] + pi / 4) q[2];
                ctrl @ ry(w[0]) q[2], q[0]; ctrl @ cx q[2], q[0], q[1]; ctrl @ rz(2 * w[0] + pi / 4) q[2], q[1];
                inv @ rz(2 * w[1] + pi / 4) q[2]; inv @ cx q[0], q[2]; inv @ ry(w[1]) q[0];
                sx q[1]; sx q[1];
                p(0.3) q[0];
                rx(-w[0] / 2) q[2]; rx(-w[0] / 2) q[1]; rx(-w[0] / 2) q[0];
                cx q[0], q[1]; cx q[1], q[2];
                p(0.25) q[2]; p(0.4) q[0]; ctrl @ u3(0.1, 0.2, 0.3) q[0], q[1]; cx q[2], q[0]; cp(a[0]) q[1], q[2];
            }
            """;
        var qc = QasmImporter.Import(qasm, "imported");
        Assert.Contains("barrier skipped", qc);
        var imported = Lower(qc, "imported");
        var reference = Lower(expected, "expected");
        var p = RandomParameters(reference, 3);
        AssertSameState(State(reference, p), State(imported, p), qc);
    }

    [Fact]
    public void Two_registers_keep_their_names_and_order_and_unicode_names_become_identifiers()
    {
        const string qasm = Header + "qubit[2] a;\nqubit b;\ninput float θ;\nx a[1];\ncrx(θ) a[1], b;\n";
        var qc = QasmImporter.Import(qasm, "two");
        Assert.Contains("qubit[2] a;", qc);
        Assert.Contains("qubit[1] b;", qc);
        var imported = Lower(qc, "two");
        var reference = Lower("circuit two() { qubit[3] q; param t[1]; x q[1]; crx(t[0]) q[1], q[2]; }", "two");
        var values = new[] { 0.7 };
        AssertSameState(
            State(reference, new Dictionary<string, double[]> { ["t"] = values }),
            State(imported, new Dictionary<string, double[]> { [imported.ParameterArrays[0].Name] = values }),
            qc);
    }

    [Fact]
    public void OpenQasm2_programs_with_qreg_and_qelib1_are_read()
    {
        const string qasm = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nu2(0, pi) q[0];\ncx q[0],q[1];\n";
        var imported = Lower(QasmImporter.Import(qasm, "bell2"), "bell2");
        var bell = Lower(CompileExamples(), "bell");
        var none = new Dictionary<string, double[]>();
        AssertSameState(State(bell, none), State(imported, none), "u2(0, pi) is H");
    }

    [Fact]
    public void A_scalar_input_that_is_not_part_of_a_grid_gets_its_own_array()
    {
        const string qasm = Header + "input float[64] theta_0_1;\ninput float[64] phi;\nqubit[1] q;\nrx(theta_0_1 - phi) q[0];\n";
        var imported = Lower(QasmImporter.Import(qasm, "lonely"), "lonely");
        Assert.Equal(new[] { "theta_0_1", "phi" }, imported.ParameterArrays.Select(a => a.Name));
        Assert.All(imported.ParameterArrays, a => Assert.Equal(1, a.Size));
    }
}
