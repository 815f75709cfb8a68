using System.Text.Json;

namespace QCircuitDsl.Cli.Tests.Qasm;

/// <summary><c>qcdsl export-qasm</c> and <c>qcdsl import-qasm</c> end to end: output shape, files, and user errors.</summary>
public sealed class QasmExportTests
{
    [Fact]
    public void Bell_exports_as_stdgates_OpenQasm3_with_readouts_as_comments()
    {
        var run = Cli.Run("export-qasm", Cli.Example("bell.qc"), "--circuit", "bell");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Contains("OPENQASM 3.0;", lines);
        Assert.Contains("include \"stdgates.inc\";", lines);
        Assert.Contains("qubit[2] q;", lines);
        Assert.Contains("h q[0];", lines);
        Assert.Contains("cx q[0], q[1];", lines);
        Assert.Contains("// readout pauli(z q[0], z q[1]);", lines);
        Assert.Contains("// readout probs q[0], q[1];", lines);
    }

    [Fact]
    public void Without_params_every_element_is_an_input_scalar_and_angles_are_expressions()
    {
        var run = Cli.Run("export-qasm", Cli.Example("sim14.qc"), "--circuit", "sim14", "--arg", "n=2");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Contains("input float[64] theta_0_0;", lines);
        Assert.Contains("input float[64] theta_0_7;", lines);
        Assert.DoesNotContain("input float[64] theta_0_8;", lines);
        Assert.Contains("ry(theta_0_0) q[0];", lines);
        Assert.Contains(lines, l => l.StartsWith("crx(theta_0_", StringComparison.Ordinal));
    }

    [Fact]
    public void With_params_angles_are_round_trip_numbers()
    {
        using var dir = new TempDir();
        var values = Enumerable.Range(0, 8).Select(i => 0.1 * i + 1.0 / 3).ToArray();
        var p = dir.WriteJson("p.json", new Dictionary<string, double[]> { ["theta"] = values });
        var output = Path.Combine(dir.Path, "sim14.qasm");
        var run = Cli.Run("export-qasm", Cli.Example("sim14.qc"), "-c", "sim14", "-a", "n=2", "--params", p, "-o", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Output);
        var qasm = File.ReadAllText(output);
        Assert.DoesNotContain("input", qasm);
        Assert.Contains($"ry({values[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}) q[0];", qasm);
    }

    [Fact]
    public void Cli_round_trip_simulates_to_the_same_amplitudes()
    {
        using var dir = new TempDir();
        var random = new Random(5);
        var p = dir.WriteJson("p.json", new Dictionary<string, double[]> { ["w"] = Enumerable.Range(0, 24).Select(_ => random.NextDouble() * 6 - 3).ToArray() });
        var qasm = Path.Combine(dir.Path, "se.qasm");
        var qc = Path.Combine(dir.Path, "se.qc");
        Assert.Equal(0, Cli.Run("export-qasm", Cli.Example("strongly_entangling.qc"), "-c", "strongly_entangling", "-o", qasm).ExitCode);
        var import = Cli.Run("import-qasm", qasm, "-o", qc, "--name", "strongly_entangling");
        Assert.True(import.ExitCode == 0, import.ToString());

        var before = Cli.Run("simulate", Cli.Example("strongly_entangling.qc"), "-c", "strongly_entangling", "-p", p, "--engine", "interpreter", "--json");
        var after = Cli.Run("simulate", qc, "-c", "strongly_entangling", "-p", p, "--engine", "interpreter", "--json");
        Assert.True(after.ExitCode == 0, after.ToString());
        var a = Amplitudes(before.Output);
        var b = Amplitudes(after.Output);
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - b[i]) <= 1e-10, $"component {i}: {b[i]} vs {a[i]}");
        }
    }

    [Fact]
    public void Unknown_circuit_is_a_user_error()
    {
        var run = Cli.Run("export-qasm", Cli.Example("bell.qc"), "--circuit", "nope");
        Cli.AssertUserError(run, 2, "no circuit named 'nope'; the files declare: bell");
    }

    [Fact]
    public void Params_of_the_wrong_length_are_a_user_error()
    {
        using var dir = new TempDir();
        var p = dir.WriteJson("p.json", new Dictionary<string, double[]> { ["theta"] = new[] { 1.0, 2.0, 3.0 } });
        var run = Cli.Run("export-qasm", Cli.Example("sim14.qc"), "-c", "sim14", "--params", p);
        Cli.AssertUserError(run, 2, "parameter array 'theta' has 3 values; expected 16");
    }

    [Fact]
    public void Params_naming_an_unknown_array_or_invalid_json_are_user_errors()
    {
        using var dir = new TempDir();
        var unknown = dir.WriteJson("u.json", new Dictionary<string, double[]> { ["phi"] = new[] { 1.0 } });
        Cli.AssertUserError(Cli.Run("export-qasm", Cli.Example("bell.qc"), "-c", "bell", "-p", unknown), 2, "has no parameter array named 'phi'");
        var broken = dir.Write("b.json", "{\"theta\": [1, ");
        Cli.AssertUserError(Cli.Run("export-qasm", Cli.Example("sim14.qc"), "-c", "sim14", "-p", broken), 2, "not valid JSON");
        Cli.AssertUserError(Cli.Run("export-qasm", Cli.Example("sim14.qc"), "-c", "sim14", "-p", Path.Combine(dir.Path, "missing.json")), 2, "file not found");
    }

    [Fact]
    public void Encoded_circuits_cannot_be_exported()
    {
        var files = Directory.GetFiles(Cli.ExamplesDirectory, "*.qc");
        var run = Cli.Run(new[] { "export-qasm" }.Concat(files).Concat(new[] { "-c", "amplitude_projection" }).ToArray());
        Cli.AssertUserError(run, 2, "'encode amplitude(x)'");
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_a_user_error()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "no-such-dir", "out.qasm");
        Cli.AssertUserError(Cli.Run("export-qasm", Cli.Example("bell.qc"), "-c", "bell", "-o", target), 2, "cannot write");
    }

    private static double[] Amplitudes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("amplitudes").EnumerateArray().SelectMany(pair => pair.EnumerateArray().Select(v => v.GetDouble())).ToArray();
    }
}
