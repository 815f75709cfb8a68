namespace QCircuitDsl.Cli.Tests;

/// <summary><c>qcdsl train qrnn</c>: a tiny real run, resume, and each bad option.</summary>
public sealed class TrainTests
{
    private static readonly string[] Tiny = { "train", "qrnn", "--train-size", "40", "--test-size", "20", "--qubits", "3", "--hidden", "8", "--batch", "20", "--T", "4", "--seed", "3" };

    private static string[] Args(int epochs, params string[] more) => Tiny.Concat(new[] { "--epochs", epochs.ToString() }).Concat(more).ToArray();

    [Fact]
    public void A_tiny_copying_run_prints_its_setup_and_writes_metrics_and_a_checkpoint()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Args(1, "--out", dir.Path, "--metrics", Path.Combine(dir.Path, "epochs.jsonl")));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("copying memory, T = 4", run.Output);
        Assert.Contains("trained parameters", run.Output);
        Assert.Contains("epoch 1: train loss", run.Output);
        Assert.True(File.Exists(Path.Combine(dir.Path, "last.safetensors")));
        var epochs = File.ReadAllLines(Path.Combine(dir.Path, "epochs.jsonl"));
        var line = Assert.Single(epochs);
        Assert.Contains("\"epoch\":1", line);
        Assert.Contains("\"train_loss\"", line);
        Assert.Contains("\"test_accuracy\"", line);
    }

    [Fact]
    public void Resume_continues_from_the_checkpoint()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Cli.Run(Args(1, "--out", dir.Path)).ExitCode);
        var resumed = Cli.Run(Args(2, "--out", dir.Path, "--resume"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("epoch 2:", resumed.Output);
        Assert.DoesNotContain("epoch 1:", resumed.Output);
    }

    [Fact]
    public void The_baseline_matches_the_qrnn_parameter_count()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Args(1, "--out", dir.Path, "--model", "lstm"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("LSTM with", run.Output);
        Assert.Contains("matched to the QRNN's parameter count", run.Output);
    }

    [Theory]
    [InlineData("--model", "transformer", "--model 'transformer' is not known")]
    [InlineData("--activation", "swish", "--activation 'swish' is not known")]
    [InlineData("--task", "chess", "--task 'chess' is not known")]
    [InlineData("--preset", "huge", "--preset 'huge' is not known")]
    public void Bad_options_exit_2_with_a_clear_message(string option, string value, string message)
    {
        using var dir = new TempDir();
        var run = Cli.Run(Args(1, "--out", dir.Path, option, value));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void Resume_without_a_checkpoint_is_refused()
    {
        using var dir = new TempDir();
        var run = Cli.Run(Args(1, "--out", dir.Path, "--resume"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no checkpoint", run.Error);
    }

    [Fact]
    public void An_image_task_without_data_names_what_it_needs()
    {
        using var dir = new TempDir();
        var run = Cli.Run("train", "qrnn", "--task", "mnist", "--out", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs --data", run.Error);
    }

    [Fact]
    public void An_image_task_reads_an_idx_folder()
    {
        using var dir = new TempDir();
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        IdxFixture.Write(data, "train", 30);
        IdxFixture.Write(data, "t10k", 10);
        var run = Cli.Run("train", "qrnn", "--task", "fashion-mnist", "--data", data, "--epochs", "1", "--qubits", "3", "--hidden", "4", "--batch", "10", "--out", Path.Combine(dir.Path, "run"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("30 training and 10 test images", run.Output);
    }
}

public sealed class EvalTests
{
    [Fact]
    public void Eval_rebuilds_the_model_and_reproduces_the_last_test_loss()
    {
        using var dir = new TempDir();
        var train = Cli.Run("train", "qrnn", "--epochs", "1", "--train-size", "40", "--test-size", "20", "--qubits", "3", "--hidden", "8", "--batch", "20", "--T", "4", "--out", dir.Path);
        Assert.True(train.ExitCode == 0, train.ToString());
        var eval = Cli.Run("eval", "--checkpoint", Path.Combine(dir.Path, "last.safetensors"), "--json");
        Assert.True(eval.ExitCode == 0, eval.ToString());
        var lossText = train.Output.Split('\n').Single(l => l.StartsWith("epoch 1:")).Split("test loss ")[1].Split(',')[0];
        var evalLoss = System.Text.Json.JsonDocument.Parse(eval.Output).RootElement.GetProperty("test_loss").GetDouble();
        Assert.Equal(double.Parse(lossText, System.Globalization.CultureInfo.InvariantCulture), evalLoss, 4);
    }

    [Fact]
    public void Eval_errors_name_the_missing_file()
    {
        using var dir = new TempDir();
        var missing = Cli.Run("eval", "--checkpoint", Path.Combine(dir.Path, "nope.safetensors"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("checkpoint not found", missing.Error);
        var file = dir.Write("last.safetensors", "x");
        var noManifest = Cli.Run("eval", "--checkpoint", file);
        Assert.Equal(2, noManifest.ExitCode);
        Assert.Contains("run.json is missing", noManifest.Error);
    }
}

public sealed class MambaTrainTests
{
    private static string Data(TempDir dir)
    {
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        IdxFixture.Write(data, "train", 24);
        IdxFixture.Write(data, "t10k", 8);
        return data;
    }

    [Theory]
    [InlineData("hqc-mamba", "quantum projections: All")]
    [InlineData("mamba", "quantum projections: None")]
    public void A_tiny_run_reports_parameters_split_and_trains_an_epoch(string model, string expected)
    {
        using var dir = new TempDir();
        var run = Cli.Run("train", model, "--task", "mnist-rows", "--data", Data(dir), "--d-model", "4", "--layers", "1", "--expand", "2", "--d-state", "4",
            "--epochs", "1", "--batch", "8", "--out", Path.Combine(dir.Path, "run"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(expected, run.Output);
        Assert.Contains("classical", run.Output);
        Assert.Contains("epoch 1: train loss", run.Output);
        Assert.True(File.Exists(Path.Combine(dir.Path, "run", "metrics.jsonl")));
    }

    [Theory]
    [InlineData("hqc-mamba", "--quantum", "up_proj", "not a projection")]
    [InlineData("hqc-mamba", "--readout", "x", "--readout 'x' is not known")]
    [InlineData("hqc-mamba", "--encoding", "angle", "--encoding 'angle' is not known")]
    [InlineData("hqc-mamba", "--task", "cifar", "--task 'cifar' is not known")]
    [InlineData("mamba", "--quantum", "in_proj", "has no quantum projections")]
    public void Bad_options_exit_2(string model, string option, string value, string message)
    {
        using var dir = new TempDir();
        var task = option == "--task" ? Array.Empty<string>() : new[] { "--task", "mnist-rows" };
        var run = Cli.Run(new[] { "train", model, "--data", Data(dir), "--epochs", "1", "--out", Path.Combine(dir.Path, "run"), option, value }.Concat(task).ToArray());
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error);
    }
}

internal static class IdxFixture
{
    public static void Write(string folder, string split, int count)
    {
        var rng = new Random(count);
        using (var images = new BinaryWriter(File.Create(Path.Combine(folder, $"{split}-images-idx3-ubyte"))))
        {
            images.Write(new byte[] { 0, 0, 8, 3 });
            foreach (var v in new[] { count, 28, 28 })
            {
                images.Write(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v });
            }

            var pixels = new byte[count * 784];
            rng.NextBytes(pixels);
            images.Write(pixels);
        }

        using var labels = new BinaryWriter(File.Create(Path.Combine(folder, $"{split}-labels-idx1-ubyte")));
        labels.Write(new byte[] { 0, 0, 8, 1, 0, 0, 0, (byte)count });
        for (int i = 0; i < count; i++)
        {
            labels.Write((byte)(i % 10));
        }
    }
}

public sealed class GradNormsTests
{
    [Fact]
    public void Writes_normalised_per_step_norms_for_both_models_as_csv_and_svg()
    {
        using var dir = new TempDir();
        var csv = Path.Combine(dir.Path, "g.csv");
        var run = Cli.Run("grad-norms", "--T", "5", "--qubits", "3", "--hidden", "8", "--batch", "4", "-o", csv);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("t,qrnn,lstm", lines[0]);
        Assert.Equal(5 + 20, lines.Length - 1);
        Assert.Equal("25,1,1", lines[^1]);
        Assert.All(lines.Skip(1), l => Assert.All(l.Split(',').Skip(1), v => Assert.True(double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) > 0, l)));
        var svg = File.ReadAllText(Path.ChangeExtension(csv, ".svg"));
        Assert.StartsWith("<svg", svg);
        Assert.Contains("QRNN (3 qubits)", svg);
    }

    [Fact]
    public void An_image_task_gives_one_row_per_image_row()
    {
        // The readout z_t also feeds the controller of step t + 1, so even a last-step loss reaches every
        // step's readout: the norms are not constant, but they are finite and normalised to the last step.
        using var dir = new TempDir();
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        IdxFixture.Write(data, "train", 8);
        IdxFixture.Write(data, "t10k", 2);
        var csv = Path.Combine(dir.Path, "g.csv");
        var run = Cli.Run("grad-norms", "--task", "fashion-mnist", "--data", data, "--qubits", "3", "--hidden", "8", "--batch", "4", "-o", csv);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(28 + 1, lines.Length);
        Assert.Equal("28,1,1", lines[^1]);
    }

    [Fact]
    public void An_unknown_task_is_refused()
    {
        var run = Cli.Run("grad-norms", "--task", "chess");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--task 'chess' is not known", run.Error);
    }
}

public sealed class InterchangeTests
{
    [Fact]
    public void Outputs_and_gradients_come_back_by_name_and_match_finite_differences()
    {
        using var dir = new TempDir();
        var runDir = Path.Combine(dir.Path, "run");
        Assert.Equal(0, Cli.Run("train", "qrnn", "--epochs", "1", "--train-size", "20", "--test-size", "10", "--qubits", "3", "--hidden", "6", "--batch", "10", "--T", "3", "--out", runDir).ExitCode);
        var rng = new Random(5);
        var inputs = Path.Combine(dir.Path, "inputs.safetensors");
        QCircuitDsl.Runtime.Serialization.SafetensorsFile.Write(inputs, new[]
        {
            QCircuitDsl.Runtime.Serialization.SafetensorsTensor.FromFloats("inputs", Enumerable.Range(0, 2 * 23 * 10).Select(_ => (float)rng.NextDouble()).ToArray(), 2, 23, 10),
            QCircuitDsl.Runtime.Serialization.SafetensorsTensor.FromInt64s("targets", Enumerable.Range(0, 2 * 23).Select(i => (long)(i % 9)).ToArray(), 2, 23),
        });

        float Loss(string weights, string output)
        {
            var run = Cli.Run("interchange", "--run", runDir, "--weights", weights, "--inputs", inputs, "-o", output);
            Assert.True(run.ExitCode == 0, run.ToString());
            return QCircuitDsl.Runtime.Serialization.SafetensorsFile.Read(output)["loss"].ToFloats()[0];
        }

        var checkpoint = Path.Combine(runDir, "last.safetensors");
        var outPath = Path.Combine(dir.Path, "out.safetensors");
        float loss = Loss(checkpoint, outPath);
        var result = QCircuitDsl.Runtime.Serialization.SafetensorsFile.Read(outPath);
        Assert.Equal(new long[] { 2, 23, 10 }, result["logits"].Shape);
        Assert.Contains(result.Tensors, t => t.Name == "grad.encoder.cell.controller.fc1.weight");
        float analytic = result["grad.head.bias"].ToFloats()[3];

        // Central difference on head.bias[3], by rewriting that one weight in a copy of the checkpoint.
        var document = QCircuitDsl.Runtime.Serialization.SafetensorsFile.Read(checkpoint);
        string Shifted(float delta, string name)
        {
            var tensors = document.Tensors.Select(t =>
            {
                if (t.Name != "head.bias")
                {
                    return t;
                }

                var v = t.ToFloats();
                v[3] += delta;
                return QCircuitDsl.Runtime.Serialization.SafetensorsTensor.FromFloats(t.Name, v, t.Shape);
            }).ToList();
            var path = Path.Combine(dir.Path, name);
            QCircuitDsl.Runtime.Serialization.SafetensorsFile.Write(path, tensors, document.Metadata);
            return path;
        }

        const float h = 1e-2f;
        float numeric = (Loss(Shifted(h, "plus.safetensors"), Path.Combine(dir.Path, "o1")) - Loss(Shifted(-h, "minus.safetensors"), Path.Combine(dir.Path, "o2"))) / (2 * h);
        Assert.True(Math.Abs(numeric - analytic) < 2e-3 + 0.02 * Math.Abs(analytic), $"analytic {analytic}, numeric {numeric}, loss {loss}");
    }

    [Fact]
    public void Missing_weights_and_inputs_are_named()
    {
        using var dir = new TempDir();
        var runDir = Path.Combine(dir.Path, "run");
        Assert.Equal(0, Cli.Run("train", "qrnn", "--epochs", "1", "--train-size", "20", "--test-size", "10", "--qubits", "3", "--hidden", "6", "--batch", "10", "--T", "3", "--out", runDir).ExitCode);
        var empty = Path.Combine(dir.Path, "empty.safetensors");
        QCircuitDsl.Runtime.Serialization.SafetensorsFile.Write(empty, new[] { QCircuitDsl.Runtime.Serialization.SafetensorsTensor.FromFloats("x", new float[] { 1 }, 1) });
        var noInputs = Cli.Run("interchange", "--run", runDir, "--weights", Path.Combine(runDir, "last.safetensors"), "--inputs", empty, "-o", Path.Combine(dir.Path, "o"));
        Assert.Equal(2, noInputs.ExitCode);
        Assert.Contains("no tensor named 'inputs'", noInputs.Error);
    }
}
