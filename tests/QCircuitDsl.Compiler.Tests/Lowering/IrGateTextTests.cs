using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Binding;

namespace QCircuitDsl.Compiler.Tests.Lowering;

/// <summary>IR gates print as the <c>.qc</c> statement that would write them (generated kernels' comments rely on it).</summary>
public class IrGateTextTests
{
    [Theory]
    [InlineData("circuit c() { qubit[2] q; cx q[0], q[1]; }", "cx q[0], q[1]")]
    [InlineData("circuit c() { qubit[3] q; ccx q[0], q[1], q[2]; }", "ccx q[0], q[1], q[2]")]
    [InlineData("circuit c() { qubit[2] q; ctrl @ h q[0], q[1]; }", "ctrl @ h q[0], q[1]")]
    [InlineData("circuit c() { qubit[4] q; ctrl(3) @ x q[0], q[1], q[2], q[3]; }", "ctrl(3) @ x q[0], q[1], q[2], q[3]")]
    [InlineData("circuit c() { qubit[1] q; inv @ sx q[0]; }", "inv @ sx q[0]")]
    [InlineData("circuit c() { qubit[2] q; param a[1]; crz(2 * a[0]) q[1], q[0]; }", "crz(2*a[0]) q[1], q[0]")]
    public void A_gate_prints_as_its_source_statement(string source, string expected)
    {
        var ir = FrontEnd.Lower(source, "c");
        var gate = Assert.Single(ir.Gates);

        Assert.Equal(expected, gate.ToString(ir.ParameterName));
    }

    [Fact]
    public void Without_names_parameters_print_by_index()
    {
        var ir = FrontEnd.Lower("circuit c() { qubit[1] q; param a[1]; param b[1]; rx(b[0]) q[0]; }", "c");

        Assert.Equal(Assert.Single(ir.Gates).ToString(), Assert.Single(ir.Gates).ToString(null));
        Assert.DoesNotContain("b", Assert.Single(ir.Gates).ToString().Replace("rx", ""));
    }
}
