namespace QCircuitDsl.Cli.Tests;

public class CheckAndEmitTests
{
    [Fact]
    public void Check_on_all_examples_is_clean()
    {
        var files = Directory.GetFiles(Cli.ExamplesDirectory, "*.qc").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 20);
        var run = Cli.Run(new[] { "check" }.Concat(files).ToArray());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{files.Length} circuit(s): 0 error(s), 0 warning(s).", run.Output.Trim());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Check_on_a_bad_file_prints_located_errors_and_exits_1()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.qc", "circuit a() {\n    qubit[2] q;\n    foo q[0];\n    cx q[0];\n}\n");
        var run = Cli.Run("check", path);
        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{path}(3,5): error QC1001: unknown gate or circuit 'foo'; expected a standard gate (e.g. rx, cx, rot) or a circuit declared in the project", lines[0]);
        Assert.Equal($"{path}(4,5): error QC2002: 'cx' acts on 2 qubit(s) but 1 were given", lines[1]);
        Assert.Equal("1 circuit(s): 2 error(s), 0 warning(s).", lines[2]);
    }

    [Fact]
    public void Check_on_a_syntax_error_prints_the_reworded_message()
    {
        using var dir = new TempDir();
        var path = dir.Write("syntax.qc", "circuit a() {\n    qubit[2] q\n    h q[0];\n}\n");
        var run = Cli.Run("check", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}(3,5): error QC0001: expected ';' before 'h'", run.Output);
    }

    [Fact]
    public void Check_prints_warnings_but_exits_0()
    {
        using var dir = new TempDir();
        var path = dir.Write("warn.qc", "circuit a() { qubit[1] q; param t[2]; rx(t[0]) q; }");
        var run = Cli.Run("check", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{path}(1,27): warning QC9001: parameter 't' is never used by a gate at elements t[1]", run.Output);
        Assert.Contains("1 circuit(s): 0 error(s), 1 warning(s).", run.Output);
    }

    [Fact]
    public void Check_compiles_files_together_so_calls_across_files_resolve()
    {
        var run = Cli.Run("check", Cli.Example("amplitude_projection.qc"), Cli.Example("strongly_entangling.qc"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var alone = Cli.Run("check", Cli.Example("amplitude_projection.qc"));
        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("error QC1001: unknown gate or circuit 'strongly_entangling'", alone.Output);
    }

    [Fact]
    public void Check_verbose_prints_the_construction_time_notice()
    {
        using var dir = new TempDir();
        var path = dir.Write("deferred.qc", "circuit a(int n) { qubit[n] q; h q; }");
        var run = Cli.Run("check", "--verbose", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("info QC9003", run.Output);
        var quiet = Cli.Run("check", path);
        Assert.DoesNotContain("QC9003", quiet.Output);
    }

    [Fact]
    public void Check_on_a_missing_file_exits_2_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qcdsl-no-such-file-" + Guid.NewGuid().ToString("N") + ".qc");
        var run = Cli.Run("check", missing);
        Cli.AssertUserError(run, 2, "file not found: " + missing);
    }

    [Fact]
    public void Check_without_files_is_a_usage_error()
    {
        var run = Cli.Run("check");
        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }

    [Fact]
    public void Emit_prints_one_class_per_circuit()
    {
        var run = Cli.Run("emit", Cli.Example("bell.qc"), Cli.Example("sim14.qc"), Cli.Example("strongly_entangling.qc"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Contains("// ---- bell.qc.g.cs", run.Output);
        Assert.Contains("// ---- sim14.qc.g.cs", run.Output);
        Assert.Contains("// ---- strongly_entangling.qc.g.cs", run.Output);
        Assert.Contains("public sealed partial class Bell : global::QCircuitDsl.Quantum.QuantumCircuit", run.Output);
        Assert.Contains("public sealed partial class Sim14 : global::QCircuitDsl.Quantum.QuantumCircuit", run.Output);
        Assert.Contains("public sealed partial class StronglyEntangling : global::QCircuitDsl.Quantum.QuantumCircuit", run.Output);
        Assert.Equal(3, CountOf(run.Output, "public sealed partial class "));
        Assert.Contains("namespace QCircuitDsl.Generated", run.Output);
        Assert.Contains("public const string CircuitName = \"sim14\";", run.Output);
    }

    [Fact]
    public void Emit_uses_the_namespace_option_and_one_class_per_circuit_of_a_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("two.qc", "circuit first_one() { qubit[1] q; h q; }\ncircuit second() { qubit[1] q; x q; }");
        var run = Cli.Run("emit", path, "--namespace", "My.Circuits");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("namespace My.Circuits", run.Output);
        Assert.Contains("partial class FirstOne ", run.Output);
        Assert.Contains("partial class Second ", run.Output);
        Assert.Equal(2, CountOf(run.Output, "public sealed partial class "));
    }

    [Fact]
    public void Emit_of_a_bad_file_prints_errors_to_stderr_and_no_code()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.qc", "circuit a() { qubit[1] q; foo q; }");
        var run = Cli.Run("emit", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}(1,27): error QC1001", run.Error);
        Assert.DoesNotContain("class", run.Output);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
