using System.Text.Json;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Runtime.Tests.Training;

public class TrainerTests
{
    private static List<JsonElement> Lines(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Epoch_lines_carry_train_and_test_loss_and_accuracy()
    {
        using var dir = new TempDirectory();
        var run = new TinyRun(seed: 11, dir.Path);
        var result = run.Fit();

        var lines = Lines(Path.Combine(dir.Path, "metrics.jsonl"));
        var epochs = lines.Where(l => l.GetProperty("kind").GetString() == "epoch").ToList();
        var steps = lines.Where(l => l.GetProperty("kind").GetString() == "step").ToList();
        Assert.Equal([1, 2, 3], epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), steps.Select(s => s.GetProperty("step").GetInt64()));
        foreach (var (line, summary) in epochs.Zip(result.Epochs))
        {
            Assert.Equal(summary.Train.Loss, line.GetProperty("train_loss").GetDouble());
            Assert.Equal(summary.Test!.Loss, line.GetProperty("test_loss").GetDouble());
            Assert.Equal(summary.Test.Accuracy!.Value, line.GetProperty("test_accuracy").GetDouble());
            Assert.False(line.TryGetProperty("test_perplexity", out _));
        }
        // The StepLR(γ = 0.7) schedule shows in the logged rates: epoch 2's steps use 0.05·0.7.
        Assert.Equal(0.05 * 0.7, steps[7].GetProperty("lr").GetDouble(), 15);
        // Learning happened: the rule is easy, so the last epoch beats the first.
        Assert.True(result.Epochs[^1].Train.Loss < result.Epochs[0].Train.Loss);
    }

    [Fact]
    public void Epoch_train_loss_is_the_count_weighted_mean_of_the_step_losses()
    {
        using var dir = new TempDirectory();
        var run = new TinyRun(seed: 12, dir.Path, epochs: 1);
        var result = run.Fit();
        var steps = Lines(Path.Combine(dir.Path, "metrics.jsonl")).Where(l => l.GetProperty("kind").GetString() == "step").ToList();
        int[] sizes = [8, 8, 8, 8, 8, 8, 2];
        double expected = steps.Select((s, i) => s.GetProperty("loss").GetDouble() * sizes[i]).Sum() / 50;
        Assert.Equal(expected, result.Epochs[0].Train.Loss, 12);
    }

    [Fact]
    public void Perplexity_is_the_exponential_of_the_mean_loss()
    {
        using var dir = new TempDirectory();
        var run = new TinyRun(seed: 13, dir.Path, epochs: 1, metrics: MetricKinds.Perplexity);
        var result = run.Fit();
        var epoch = Lines(Path.Combine(dir.Path, "metrics.jsonl")).Single(l => l.GetProperty("kind").GetString() == "epoch");
        Assert.Equal(Math.Exp(result.Epochs[0].Test!.Loss), epoch.GetProperty("test_perplexity").GetDouble());
        Assert.False(epoch.TryGetProperty("test_accuracy", out _));
    }

    [Fact]
    public void Gradient_clipping_bounds_the_update_and_logs_the_norm_before_clipping()
    {
        using var dir = new TempDirectory();
        var run = new TinyRun(seed: 14, dir.Path, epochs: 1);
        run.Fit();
        var norms = Lines(Path.Combine(dir.Path, "metrics.jsonl")).Where(l => l.GetProperty("kind").GetString() == "step")
            .Select(l => l.GetProperty("grad_norm").GetDouble()).ToList();
        Assert.Equal(7, norms.Count);
        Assert.All(norms, n => Assert.True(n > 0 && double.IsFinite(n)));
    }

    [Fact]
    public void Evaluation_runs_in_eval_mode_without_gradients_and_restores_train_mode()
    {
        var run = new TinyRun(seed: 15, null);
        var modes = new List<(bool Training, bool Grad)>();
        var trainer = new Trainer<TensorBatch>(run.Model, run.Optimizer, batch =>
        {
            modes.Add((run.Model.Training, Torch.IsGradEnabled));
            return run.Model.Loss(batch);
        }, new TrainerOptions { Reporter = QCircuitDsl.Runtime.Reporting.NullProgressReporter.Instance });
        trainer.Evaluate(run.Test);
        Assert.All(modes, m => Assert.Equal((false, false), m));
        Assert.True(run.Model.Training);
    }
}
