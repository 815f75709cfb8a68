using QCircuitDsl.Runtime.Checkpoints;
using QCircuitDsl.Runtime.Tests.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Runtime.Tests.Training;

public class DivergenceTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_non_finite_loss_stops_training_and_keeps_the_last_good_checkpoint(double bad, string shown)
    {
        using var dir = new TempDirectory();
        int calls = 0;
        TinyRun? run = null;
        // Step 10 is batch 3 of epoch 2 (7 batches per epoch); checkpoints are written every 4 steps and at epoch ends.
        run = new TinyRun(seed: 3, dir.Path, checkpointEvery: 4, lossOverride: batch =>
        {
            var result = run!.Model.Loss(batch);
            bool training = run.Model.Training;
            if (training && ++calls == 10) return result with { Loss = result.Loss * bad };
            return result;
        });

        var error = Assert.Throws<TrainingDivergedException>(() => run.Fit());

        Assert.Equal(2, error.Epoch);
        Assert.Equal(10, error.Step);
        Assert.Equal("loss", error.Quantity);
        Assert.Contains($"loss is {shown}", error.Message);
        Assert.Contains("epoch 2, step 10 (batch 3 of the epoch)", error.Message);
        var path = Path.Combine(dir.Path, "last.safetensors");
        Assert.Equal(path, error.LastCheckpointPath);
        Assert.Equal(8, error.LastCheckpointStep);

        // The checkpoint on disk is step 8's, and the live model was not touched by the bad step either.
        var checkpoint = CheckpointFile.Load(path);
        Assert.Equal(new TrainingPosition(1, 1, 8), checkpoint.Position);
        var fromStraight = new TinyRun(seed: 3, null, maxSteps: 9);
        fromStraight.Fit();
        Assert.Equal(fromStraight.ParameterBits(), run.ParameterBits());

        // The log ends with a line naming the problem.
        var lastLine = File.ReadLines(Path.Combine(dir.Path, "metrics.jsonl")).Last();
        Assert.Contains("\"kind\":\"diverged\"", lastLine);
        Assert.Contains("\"step\":10", lastLine);
    }
}
