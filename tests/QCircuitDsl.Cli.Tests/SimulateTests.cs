using System.Text.Json;

namespace QCircuitDsl.Cli.Tests;

public class SimulateTests
{
    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Output);
        return doc.RootElement.Clone();
    }

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static readonly double[] Theta16 = Enumerable.Range(0, 16).Select(i => 0.37 * i - 1.3 + 0.05 * i * i).ToArray();
    private static readonly double[] Upstream12 = Enumerable.Range(0, 12).Select(i => Math.Sin(i + 1.0)).ToArray();

    [Fact]
    public void Bell_prints_the_documented_json()
    {
        var root = Json(Cli.Run("simulate", Cli.Example("bell.qc"), "--circuit", "bell", "--json"));
        Assert.Equal(2, root.GetProperty("qubits").GetInt32());
        var amplitudes = root.GetProperty("amplitudes").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(4, amplitudes.Length);
        double h = 1 / Math.Sqrt(2);
        var expected = new[] { new[] { h, 0 }, new[] { 0.0, 0 }, new[] { 0.0, 0 }, new[] { h, 0 } };
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(2, amplitudes[i].Length);
            Assert.Equal(expected[i][0], amplitudes[i][0], 12);
            Assert.Equal(expected[i][1], amplitudes[i][1], 12);
        }

        // pauli(z q[0], z q[1]) = 1, then probs q = 0.5, 0, 0, 0.5.
        var readouts = Numbers(root.GetProperty("readouts"));
        Assert.Equal(5, readouts.Length);
        var want = new[] { 1.0, 0.5, 0, 0, 0.5 };
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(want[i], readouts[i], 12);
        }

        Assert.False(root.TryGetProperty("gradients", out _));
        Assert.False(root.TryGetProperty("input_gradient", out _));
    }

    [Fact]
    public void Bell_summary_without_json()
    {
        var run = Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("circuit bell(): 2 qubits, 2 gates, 0 parameters", run.Output);
        Assert.Contains("readouts: 1.000000 0.500000 0.000000 0.000000 0.500000", run.Output);
    }

    [Fact]
    public void Bell_with_the_interpreter_engine_agrees()
    {
        var runtime = Json(Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--json"));
        var interpreter = Json(Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--json", "--engine", "interpreter"));
        var a = Numbers(runtime.GetProperty("readouts"));
        var b = Numbers(interpreter.GetProperty("readouts"));
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i], 12);
        }
    }

    [Fact]
    public void Readout_option_replaces_the_circuit_readouts()
    {
        var probs = Json(Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--json", "--readout", "probs"));
        Assert.Equal(4, probs.GetProperty("readouts").GetArrayLength());
        var state = Json(Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--json", "--readout", "state"));
        Assert.Equal(8, state.GetProperty("readouts").GetArrayLength());
        var xyz = Numbers(Json(Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--json", "--readout", "xyz")).GetProperty("readouts"));
        Assert.Equal(6, xyz.Length);
        Assert.All(xyz, v => Assert.Equal(0.0, v, 12)); // each qubit of a Bell pair is maximally mixed
    }

    private static (double[] Readouts, double[]? Gradient) Sim14(TempDir dir, double[] theta, string engine, bool grad)
    {
        var parameters = dir.WriteJson("p-" + Guid.NewGuid().ToString("N") + ".json", new Dictionary<string, double[]> { ["theta"] = theta });
        var args = new List<string> { "simulate", Cli.Example("sim14.qc"), "--circuit", "sim14", "--params", parameters, "--engine", engine, "--json" };
        if (grad)
        {
            args.Add("--grad");
            args.Add(dir.WriteJson("u.json", Upstream12));
        }

        var root = Json(Cli.Run(args.ToArray()));
        Assert.Equal(4, root.GetProperty("qubits").GetInt32());
        Assert.Equal(16, root.GetProperty("amplitudes").GetArrayLength());
        var readouts = Numbers(root.GetProperty("readouts"));
        double[]? gradient = grad ? Numbers(root.GetProperty("gradients").GetProperty("theta")) : null;
        return (readouts, gradient);
    }

    [Fact]
    public void Gradients_agree_between_engines_and_with_central_finite_differences()
    {
        using var dir = new TempDir();
        var (readouts, runtimeGrad) = Sim14(dir, Theta16, "runtime", grad: true);
        var (interpReadouts, interpGrad) = Sim14(dir, Theta16, "interpreter", grad: true);
        Assert.Equal(12, readouts.Length);
        Assert.Equal(16, runtimeGrad!.Length);
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(readouts[i], interpReadouts[i], 10);
        }

        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(runtimeGrad[i], interpGrad![i], 10);
        }

        // Central differences of L(θ) = Σ u_k · readout_k, each by two more simulate runs.
        const double step = 1e-5;
        for (int i = 0; i < 16; i++)
        {
            var plus = (double[])Theta16.Clone();
            var minus = (double[])Theta16.Clone();
            plus[i] += step;
            minus[i] -= step;
            double lp = Dot(Upstream12, Sim14(dir, plus, "runtime", grad: false).Readouts);
            double lm = Dot(Upstream12, Sim14(dir, minus, "runtime", grad: false).Readouts);
            double fd = (lp - lm) / (2 * step);
            Assert.True(Math.Abs(fd - runtimeGrad[i]) < 1e-6, $"d/dtheta[{i}]: adjoint {runtimeGrad[i]}, finite difference {fd}");
        }

        // Not a trivially zero gradient.
        Assert.Contains(runtimeGrad, g => Math.Abs(g) > 0.05);
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void Arguments_change_the_instantiated_circuit()
    {
        using var dir = new TempDir();
        var parameters = dir.WriteJson("p.json", new Dictionary<string, double[]> { ["theta"] = new double[2 * 4 * 3] });
        var root = Json(Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "--arg", "n=3", "--arg", "layers=2", "-p", parameters, "--json"));
        Assert.Equal(3, root.GetProperty("qubits").GetInt32());
        var readouts = Numbers(root.GetProperty("readouts"));
        // All angles 0: |000>, so <X> = <Y> = 0 and <Z> = 1 on every qubit.
        Assert.Equal(new[] { 0.0, 0, 1, 0, 0, 1, 0, 0, 1 }, readouts.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Amplitude_input_is_encoded_and_gets_an_input_gradient()
    {
        using var dir = new TempDir();
        var qc = dir.Write("enc.qc", "circuit enc() { qubit[2] q; encode amplitude(x[3]) q; readout probs q; }");
        var input = dir.WriteJson("x.json", new[] { 3.0, 0.0, 4.0 });
        var upstream = dir.WriteJson("u.json", new[] { 1.0, 0, 0, 0 });
        var root = Json(Cli.Run("simulate", qc, "-c", "enc", "--input", input, "--grad", upstream, "--json"));
        var probs = Numbers(root.GetProperty("readouts"));
        Assert.Equal(0.36, probs[0], 12);
        Assert.Equal(0.0, probs[1], 12);
        Assert.Equal(0.64, probs[2], 12);
        Assert.Equal(3, root.GetProperty("input_gradient").GetArrayLength());
    }

    // Errors: each a one-line "error: ..." on stderr with exit code 2 (CliException), or located diagnostics with exit 1.

    [Fact]
    public void Missing_parameter_array()
    {
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14");
        Cli.AssertUserError(run, 2, "parameter array 'theta' (16 values, shape [1, 16]) is missing from the parameters");
    }

    [Fact]
    public void Parameter_array_of_the_wrong_length()
    {
        using var dir = new TempDir();
        var parameters = dir.WriteJson("p.json", new Dictionary<string, double[]> { ["theta"] = new[] { 1.0, 2.0 } });
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "-p", parameters);
        Cli.AssertUserError(run, 2, "parameter array 'theta' has 2 values; expected 16 (shape [1, 16], flattened row-major)");
    }

    [Fact]
    public void Unknown_parameter_array_name()
    {
        using var dir = new TempDir();
        var parameters = dir.WriteJson("p.json", new Dictionary<string, double[]> { ["theta"] = new double[16], ["zz"] = new[] { 1.0 } });
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "-p", parameters);
        Cli.AssertUserError(run, 2, "circuit 'sim14' has no parameter array named 'zz'; it declares 'theta' (16)");
    }

    [Fact]
    public void Unknown_circuit()
    {
        var run = Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "nope");
        Cli.AssertUserError(run, 2, "no circuit named 'nope'; the files declare: bell");
    }

    [Theory]
    [InlineData("n")]
    [InlineData("=4")]
    [InlineData("n=four")]
    [InlineData("n=1.5")]
    public void Bad_arg_form(string arg)
    {
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "--arg", arg);
        Cli.AssertUserError(run, 2, $"--arg '{arg}' is not of the form name=integer (for example --arg n=4)");
    }

    [Fact]
    public void Unknown_argument_name_prints_the_located_diagnostic_and_exits_1()
    {
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "--arg", "k=3");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("sim14.qc(25,9): error QC2016", run.Error);
        Assert.Contains("no argument named 'k'", run.Error);
    }

    [Fact]
    public void Argument_that_breaks_an_index_prints_the_located_diagnostic_and_exits_1()
    {
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "--arg", "n=1");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error QC2005", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Bad_readout()
    {
        var run = Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--readout", "foo");
        Cli.AssertUserError(run, 2, "--readout 'foo' is not known; expected xyz, probs or state");
    }

    [Fact]
    public void Bad_engine()
    {
        var run = Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--engine", "gpu");
        Cli.AssertUserError(run, 2, "--engine 'gpu' is not known; expected runtime or interpreter");
    }

    [Fact]
    public void Invalid_json()
    {
        using var dir = new TempDir();
        var parameters = dir.Write("bad.json", "{\"theta\": [1,");
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "-p", parameters);
        Cli.AssertUserError(run, 2, parameters + ": not valid JSON");
    }

    [Fact]
    public void Json_of_the_wrong_shape()
    {
        using var dir = new TempDir();
        var parameters = dir.Write("arr.json", "[1, 2]");
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "-p", parameters);
        Cli.AssertUserError(run, 2, "expected a JSON object mapping each parameter array's name to its values");
        var strings = dir.Write("str.json", "{\"theta\": [\"a\"]}");
        Cli.AssertUserError(Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "-p", strings), 2, "element 0 is String; expected a number");
    }

    [Fact]
    public void Missing_params_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qcdsl-no-such-" + Guid.NewGuid().ToString("N") + ".json");
        var run = Cli.Run("simulate", Cli.Example("sim14.qc"), "-c", "sim14", "-p", missing);
        Cli.AssertUserError(run, 2, "file not found: " + missing);
    }

    [Fact]
    public void Upstream_gradient_of_the_wrong_length()
    {
        using var dir = new TempDir();
        var upstream = dir.WriteJson("u.json", new[] { 1.0, 2.0 });
        var run = Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--grad", upstream);
        Cli.AssertUserError(run, 2, "the upstream gradient (--grad) has 2 values; expected 5");
    }

    [Fact]
    public void Input_for_a_circuit_without_encode()
    {
        using var dir = new TempDir();
        var input = dir.WriteJson("x.json", new[] { 1.0 });
        var run = Cli.Run("simulate", Cli.Example("bell.qc"), "-c", "bell", "--input", input);
        Cli.AssertUserError(run, 2, "the circuit has no 'encode amplitude' input");
    }

    [Fact]
    public void Missing_qc_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qcdsl-no-such-" + Guid.NewGuid().ToString("N") + ".qc");
        var run = Cli.Run("simulate", missing, "-c", "bell");
        Cli.AssertUserError(run, 2, "file not found: " + missing);
    }

    [Fact]
    public void Compile_errors_stop_simulate_with_exit_1()
    {
        using var dir = new TempDir();
        var qc = dir.Write("bad.qc", "circuit a() { qubit[1] q; foo q; }");
        var run = Cli.Run("simulate", qc, "-c", "a");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{qc}(1,27): error QC1001", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Missing_circuit_option_is_a_usage_error()
    {
        var run = Cli.Run("simulate", Cli.Example("bell.qc"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--circuit", run.Error);
    }
}
