using System.Text.Json;

namespace QCircuitDsl.Cli.Tests.Authoring;

/// <summary><c>qcdsl analyze</c>: its output formats, determinism and error paths.</summary>
public class AnalyzeCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = Cli.Run(["analyze", .. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Output);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Json_reports_structure_before_and_after_the_passes()
    {
        var root = Json(Cli.Example("sim14.qc"), "-c", "sim14", "--samples", "200");
        Assert.Equal("sim14", root.GetProperty("circuit").GetString());
        var written = root.GetProperty("as_written");
        Assert.Equal(4, written.GetProperty("qubits").GetInt32());
        Assert.Equal(16, written.GetProperty("gates").GetInt32());
        Assert.Equal(8, written.GetProperty("gate_counts").GetProperty("ry").GetInt32());
        Assert.Equal(8, written.GetProperty("gate_counts").GetProperty("crx").GetInt32());
        Assert.Equal(8, written.GetProperty("two_qubit_gates").GetInt32());
        Assert.Equal(16, written.GetProperty("parameters").GetInt32());
        Assert.True(root.TryGetProperty("after_passes", out _));
        Assert.Equal(75, root.GetProperty("fidelity_histogram").GetArrayLength());
        Assert.Equal(200, root.GetProperty("fidelity_histogram").EnumerateArray().Sum(e => e.GetInt64()));
        Assert.Equal(200, root.GetProperty("protocol").GetProperty("samples").GetInt32());
    }

    [Fact]
    public void Passes_show_up_in_the_after_column()
    {
        using var dir = new TempDir();
        // Two RY on one qubit merge, and a CNOT pair cancels: 4 gates as written, 1 after.
        var file = dir.Write("m.qc", """
            circuit merge() {
                qubit[2] q;
                param a[2];
                ry(a[0]) q[0];
                ry(a[1]) q[0];
                cx q[0], q[1];
                cx q[0], q[1];
                readout probs q;
            }
            """);
        var root = Json(file, "-c", "merge", "--samples", "50");
        Assert.Equal(4, root.GetProperty("as_written").GetProperty("gates").GetInt32());
        Assert.Equal(2, root.GetProperty("as_written").GetProperty("two_qubit_gates").GetInt32());
        Assert.Equal(1, root.GetProperty("after_passes").GetProperty("gates").GetInt32());
        Assert.Equal(0, root.GetProperty("after_passes").GetProperty("two_qubit_gates").GetInt32());
        Assert.Equal(1, root.GetProperty("after_passes").GetProperty("depth").GetInt32());
    }

    [Fact]
    public void Text_output_has_both_columns_and_both_measures()
    {
        var run = Cli.Run("analyze", Cli.Example("sim09.qc"), "-c", "sim09", "--samples", "100");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("circuit sim09(n=4, layers=1)", run.Output);
        Assert.Contains("as written", run.Output);
        Assert.Contains("after passes", run.Output);
        Assert.Contains("  cz ", run.Output);
        Assert.Contains("expressibility (KL divergence from Haar; 100 pairs, 75 bins, seed 1): ", run.Output);
        Assert.Contains("entangling capability (mean Meyer-Wallach Q; 100 samples, seed 1): 1.000000", run.Output);
    }

    [Fact]
    public void Same_seed_gives_identical_output_and_another_seed_does_not()
    {
        string[] args = ["analyze", Cli.Example("sim06.qc"), "-c", "sim06", "--samples", "500", "--json"];
        var a = Cli.Run(args);
        var b = Cli.Run(args);
        var c = Cli.Run([.. args, "--seed", "7"]);
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.Equal(a.Output, b.Output);
        Assert.NotEqual(a.Output, c.Output);
    }

    [Fact]
    public void Bin_count_changes_the_histogram()
    {
        var root = Json(Cli.Example("sim01.qc"), "-c", "sim01", "--samples", "100", "--bins", "10");
        Assert.Equal(10, root.GetProperty("fidelity_histogram").GetArrayLength());
    }

    [Fact]
    public void Unknown_circuit_is_a_user_error() =>
        Cli.AssertUserError(Cli.Run("analyze", Cli.Example("sim01.qc"), "-c", "sim99"), 2, "no circuit named 'sim99'");

    [Fact]
    public void Amplitude_input_circuit_is_a_user_error() =>
        Cli.AssertUserError(
            Cli.Run("analyze", Cli.Example("amplitude_projection.qc"), Cli.Example("strongly_entangling.qc"), "-c", "amplitude_projection"),
            2,
            "amplitude input");

    [Theory]
    [InlineData("--bins", "0", "--bins is 0")]
    [InlineData("--bins", "-3", "--bins is -3")]
    [InlineData("--samples", "0", "--samples is 0")]
    [InlineData("--samples", "-10", "--samples is -10")]
    public void Bad_protocol_numbers_are_user_errors(string option, string value, string phrase) =>
        Cli.AssertUserError(Cli.Run("analyze", Cli.Example("sim01.qc"), "-c", "sim01", option, value), 2, phrase);

    [Fact]
    public void Non_numeric_samples_is_rejected_by_the_parser()
    {
        var run = Cli.Run("analyze", Cli.Example("sim01.qc"), "-c", "sim01", "--samples", "many");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'many'", run.Error);
        Assert.DoesNotContain("expressibility (KL", run.Output);
    }
}
