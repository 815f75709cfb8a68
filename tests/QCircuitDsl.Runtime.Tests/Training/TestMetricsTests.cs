using System.Text.Json;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Runtime.Tests.Training;

/// <summary><see cref="TrainerOptions.TestMetrics"/>: whole-test-set metrics (BLEU) logged beside the batch means.</summary>
public class TestMetricsTests
{
    [Fact]
    public void Whole_set_metrics_run_in_eval_mode_without_gradients_after_each_epoch_and_are_logged_with_a_test_prefix()
    {
        using var dir = new TempDirectory();
        var calls = new List<(bool Training, bool Grad)>();
        TinyRun? run = null;
        run = new TinyRun(seed: 4, dir.Path, epochs: 2, testMetrics: () =>
        {
            calls.Add((run!.Model.Training, Torch.IsGradEnabled));
            return new Dictionary<string, double> { ["score"] = 10.0 * calls.Count, ["other"] = -1.5 };
        });
        var result = run.Fit();

        Assert.Equal(new[] { (false, false), (false, false) }, calls);
        Assert.True(run.Model.Training);
        Assert.Equal(new[] { 10.0, 20.0 }, result.Epochs.Select(e => e.Test!.Extra["score"]));
        var epochs = File.ReadAllLines(Path.Combine(dir.Path, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("kind").GetString() == "epoch").ToList();
        Assert.Equal(new[] { 10.0, 20.0 }, epochs.Select(e => e.GetProperty("test_score").GetDouble()));
        Assert.All(epochs, e => Assert.Equal(-1.5, e.GetProperty("test_other").GetDouble()));
        Assert.All(epochs, e => Assert.False(e.TryGetProperty("train_score", out _)));
    }

    [Fact]
    public void Without_the_option_nothing_extra_is_logged()
    {
        using var dir = new TempDirectory();
        var result = new TinyRun(seed: 4, dir.Path, epochs: 1).Fit();
        Assert.Empty(result.Epochs[0].Test!.Extra);
        var line = File.ReadAllLines(Path.Combine(dir.Path, "metrics.jsonl")).Last();
        Assert.DoesNotContain("test_score", line);
    }

    [Fact]
    public void EvaluateExtra_restores_train_mode_even_when_the_metric_throws()
    {
        var run = new TinyRun(seed: 4, directory: null, epochs: 1);
        Assert.Throws<InvalidOperationException>(() => run.Trainer.EvaluateExtra(() => throw new InvalidOperationException("decoding failed")));
        Assert.True(run.Model.Training);
        Assert.True(Torch.IsGradEnabled);
    }
}
