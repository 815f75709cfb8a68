using QCircuitDsl.Tooling.Qasm;

namespace QCircuitDsl.Cli.Tests.Qasm;

/// <summary>Everything outside the shared subset is refused with its line, column and what was found.</summary>
public sealed class QasmImportErrorTests
{
    private const string Header = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\n";

    [Theory]
    [InlineData("bit[2] c;", 4, 1, "classical bits ('bit')")]
    [InlineData("creg c[2];", 4, 1, "classical registers ('creg')")]
    [InlineData("measure q[0];", 4, 1, "measurement is not supported")]
    [InlineData("h q[0];\nc[0] = measure q[0];", 5, 1, "assignment to 'c'")]
    [InlineData("h q[0];\n  reset q[0];", 5, 3, "'reset' is not supported")]
    [InlineData("if (c == 1) x q[0];", 4, 1, "'if' is not supported")]
    [InlineData("while (true) x q[0];", 4, 1, "'while' is not supported")]
    [InlineData("delay[100ns] q[0];", 4, 1, "'delay' is not supported")]
    [InlineData("box { x q[0]; }", 4, 1, "'box' is not supported")]
    [InlineData("defcalgrammar \"openpulse\";", 4, 1, "pulse-level calibrations")]
    [InlineData("cal { }", 4, 1, "pulse-level calibrations")]
    [InlineData("defcal x $0 { }", 4, 1, "pulse-level calibrations")]
    [InlineData("def f(qubit a) { x a; }", 4, 1, "subroutines ('def')")]
    [InlineData("x q[0];\nfoo q[0], q[1];", 5, 1, "unknown gate 'foo'")]
    [InlineData("input float[64] t;\nfor int i in [0:t] x q[0];", 5, 17, "the loop end must be a constant integer, but it depends on input parameters")]
    [InlineData("for int i in [0:0.5] x q[0];", 4, 17, "the loop end must be a constant integer, found the real number 0.5")]
    [InlineData("input float[64] a;\ninput float[64] b;\nrx(a * b) q[0];", 6, 6, "a product of two input parameters is not affine")]
    [InlineData("input float[64] a;\nrx(sin(a)) q[0];", 5, 4, "non-linear function of an input parameter")]
    [InlineData("x q[2];", 4, 3, "index 2 is outside register 'q' of 2 qubit(s)")]
    [InlineData("x r[0];", 4, 3, "unknown qubit 'r'")]
    [InlineData("cx q[0], q[0];", 4, 1, "uses the same qubit twice")]
    [InlineData("x $0;", 4, 3, "physical qubit '$0'")]
    [InlineData("negctrl @ x q[0], q[1];", 4, 1, "'negctrl @' is not supported")]
    [InlineData("pow(0.5) @ x q[0];", 4, 5, "the exponent of 'pow(k) @' must be a constant integer")]
    [InlineData("#pragma braket verbatim\nx q[0];", 4, 1, "'#pragma' is not supported")]
    [InlineData("include \"other.inc\";", 4, 9, "include \"other.inc\" is not supported")]
    [InlineData("rx(0.1, 0.2) q[0];", 4, 1, "gate 'rx' takes 1 parameter(s), found 2")]
    [InlineData("x q[0];\n/* never closed\nx q[1];", 5, 1, "unterminated block comment")]
    [InlineData("output float[64] e;", 4, 1, "'output' declarations are not supported")]
    [InlineData("gate g a { h a; }\ngate g a { x a; }", 5, 1, "gate 'g' is already defined")]
    [InlineData("gate g a { h q[0]; }\ng q[1];", 4, 14, "a gate body can only use its own qubit arguments")]
    [InlineData("float[64] x = 1.0;", 4, 1, "classical variables ('float') are not supported")]
    public void Unsupported_constructs_name_line_column_and_construct(string body, int line, int column, string phrase)
    {
        var e = Assert.Throws<QasmImportException>(() => QasmImporter.Import(Header + body + "\n", "c"));
        Assert.Contains(phrase, e.Message);
        Assert.True((line, column) == (e.Line, e.Column), $"reported at ({e.Line},{e.Column}), expected ({line},{column}): {e.Message}");
    }

    [Fact]
    public void A_program_without_qubits_is_refused()
    {
        var e = Assert.Throws<QasmImportException>(() => QasmImporter.Import("OPENQASM 3.0;\ninput float[64] a;\n", "c"));
        Assert.Contains("declares no qubits", e.Message);
    }

    [Fact]
    public void The_cli_prints_file_line_and_column_and_exits_2()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.qasm", Header + "h q[0];\nmeasure q[1];\n");
        var run = Cli.Run("import-qasm", file);
        Cli.AssertUserError(run, 2, $"{file}(5,1): measurement is not supported");
    }
}
