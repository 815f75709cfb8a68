using System.Globalization;
using System.Text.Json;

namespace QCircuitDsl.Cli.Tests;

/// <summary><c>qcdsl train qrnn --task imdb|ptb|multi30k</c> and <c>qcdsl eval</c> on tiny corpora in the real formats.</summary>
public sealed class TextTaskTrainTests
{
    private static readonly string[] Small = { "--qubits", "3", "--hidden", "8", "--embedding", "8", "--batch", "10", "--seed", "2" };

    private static string Data(TempDir dir, string task) => task switch
    {
        "imdb" => TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), trainPerClass: 15, testPerClass: 10),
        "ptb" => TextCorpora.Ptb(Path.Combine(dir.Path, "ptb"), trainLines: 60, testLines: 20),
        _ => TextCorpora.Multi30k(Path.Combine(dir.Path, "multi30k"), trainPairs: 40, testPairs: 12),
    };

    private static CliRun Train(string task, string data, string folder, int epochs, params string[] more) =>
        Cli.Run(new[] { "train", "qrnn", "--task", task, "--data", data, "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--out", folder }.Concat(Small).Concat(more).ToArray());

    private static List<JsonElement> EpochLines(string file) =>
        File.ReadAllLines(file).Where(l => l.Contains("\"kind\":\"epoch\"")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Theory]
    [InlineData("imdb", "test_accuracy")]
    [InlineData("ptb", "test_perplexity")]
    [InlineData("multi30k", "test_bleu")]
    public void Each_text_task_trains_end_to_end_and_writes_its_metric_per_epoch(string task, string metric)
    {
        using var dir = new TempDir();
        var metrics = Path.Combine(dir.Path, "epochs.jsonl");
        var run = Train(task, Data(dir, task), Path.Combine(dir.Path, "run"), 2, "--metrics", metrics);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("trained parameters without embeddings", run.Output);
        Assert.Contains("in total", run.Output);
        Assert.Contains("sim14 on 3 qubits", run.Output);
        var lines = File.ReadAllLines(metrics).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        for (int e = 0; e < 2; e++)
        {
            Assert.Equal(e + 1, lines[e].GetProperty("epoch").GetInt32());
            foreach (var key in new[] { "train_loss", "test_loss", metric })
            {
                double value = lines[e].GetProperty(key).GetDouble();
                Assert.True(double.IsFinite(value) && value >= 0, $"{key} = {value}");
            }
        }

        Assert.True(File.Exists(Path.Combine(dir.Path, "run", "last.safetensors")));
        Assert.Contains($"\"Task\": \"{(task == "multi30k" ? "Multi30k" : task == "ptb" ? "Ptb" : "Imdb")}\"", File.ReadAllText(Path.Combine(dir.Path, "run", "run.json")));
    }

    [Theory]
    [InlineData("imdb", "lstm")]
    [InlineData("imdb", "gru")]
    [InlineData("ptb", "lstm")]
    [InlineData("ptb", "rnn")]
    [InlineData("multi30k", "lstm")]
    [InlineData("multi30k", "gru")]
    public void Baselines_train_with_the_same_heads_and_a_matched_parameter_count(string task, string model)
    {
        using var dir = new TempDir();
        var run = Train(task, Data(dir, task), Path.Combine(dir.Path, "run"), 1, "--model", model);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{model.ToUpperInvariant()} with", run.Output);
        Assert.Contains("matched to the QRNN's parameter count", run.Output);
        Assert.Contains("epoch 1: train loss", run.Output);
    }

    [Theory]
    [InlineData("imdb")]
    [InlineData("ptb")]
    [InlineData("multi30k")]
    public void Resume_equals_an_uninterrupted_run(string task)
    {
        using var dir = new TempDir();
        var data = Data(dir, task);
        string whole = Path.Combine(dir.Path, "whole"), split = Path.Combine(dir.Path, "split");
        Assert.Equal(0, Train(task, data, whole, 2).ExitCode);
        Assert.Equal(0, Train(task, data, split, 1).ExitCode);
        var resumed = Train(task, data, split, 2, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.DoesNotContain("epoch 1:", resumed.Output);

        // Everything but the wall-clock field must be identical, bit for bit.
        static string WithoutTiming(JsonElement line) => string.Join(",", line.EnumerateObject().Where(p => p.Name != "epoch_seconds").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
        var expected = EpochLines(Path.Combine(whole, "metrics.jsonl")).Select(WithoutTiming).ToList();
        var actual = EpochLines(Path.Combine(split, "metrics.jsonl")).Select(WithoutTiming).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("imdb", "test_accuracy")]
    [InlineData("ptb", "test_perplexity")]
    [InlineData("multi30k", "test_bleu")]
    public void Eval_rebuilds_the_run_and_reproduces_the_last_test_metrics(string task, string metric)
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "run");
        var train = Train(task, Data(dir, task), folder, 2);
        Assert.True(train.ExitCode == 0, train.ToString());
        var eval = Cli.Run("eval", "--checkpoint", Path.Combine(folder, "last.safetensors"), "--json");
        Assert.True(eval.ExitCode == 0, eval.ToString());
        var evaluated = JsonDocument.Parse(eval.Output).RootElement;
        var last = EpochLines(Path.Combine(folder, "metrics.jsonl"))[^1];
        foreach (var key in new[] { "test_loss", metric })
        {
            Assert.Equal(last.GetProperty(key).GetDouble(), evaluated.GetProperty(key).GetDouble(), 12);
        }

        var text = Cli.Run("eval", "--checkpoint", Path.Combine(folder, "last.safetensors"));
        Assert.Contains(metric.Replace('_', ' '), text.Output);
    }

    [Fact]
    public void Beam_search_decoding_scores_bleu()
    {
        using var dir = new TempDir();
        var run = Train("multi30k", Data(dir, "multi30k"), Path.Combine(dir.Path, "run"), 1, "--beam", "3", "--max-length", "8");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("test bleu", run.Output);
    }

    [Fact]
    public void A_tiny_imdb_format_task_beats_chance()
    {
        // Balanced classes: chance is 50 %. The sentiment word sits anywhere in the review and again at its end.
        using var dir = new TempDir();
        var data = TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), trainPerClass: 60, testPerClass: 30, seed: 7);
        var metrics = Path.Combine(dir.Path, "epochs.jsonl");
        var run = Cli.Run("train", "qrnn", "--task", "imdb", "--data", data, "--qubits", "4", "--hidden", "16", "--embedding", "8", "--batch", "10",
            "--epochs", "4", "--lr", "0.02", "--dropout", "0", "--seed", "1", "--out", Path.Combine(dir.Path, "run"), "--metrics", metrics);
        Assert.True(run.ExitCode == 0, run.ToString());
        double accuracy = EpochLines(metrics)[^1].GetProperty("test_accuracy").GetDouble();
        Assert.True(accuracy >= 0.8, $"test accuracy {accuracy:P1} after 4 epochs; chance is 50 %\n{run.Output}");
    }
}
