using QCircuitDsl.Runtime.Checkpoints;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Runtime.Tests.Training;

/// <summary>Train k steps, checkpoint, rebuild everything, resume: the same bits as training straight through.</summary>
public class ResumeTests
{
    // 50 samples in batches of 8 = 7 batches per epoch, 3 epochs = 21 steps.
    [Theory]
    [InlineData(3)]   // mid-epoch
    [InlineData(7)]   // batches of epoch 1 done, its evaluation and scheduler step still pending
    [InlineData(10)]  // mid-epoch after a scheduler step
    [InlineData(14)]
    public void Resumed_run_matches_uninterrupted_run_bit_for_bit(int k)
    {
        using var straightDir = new TempDirectory();
        using var splitDir = new TempDirectory();

        var straight = new TinyRun(seed: 42, straightDir.Path);
        var straightResult = straight.Fit();
        Assert.Equal(21, straightResult.Position.GlobalStep);

        var first = new TinyRun(seed: 42, splitDir.Path, maxSteps: k);
        var stopped = first.Fit();
        Assert.True(stopped.StoppedAtMaxSteps);
        Assert.Equal(k, stopped.Position.GlobalStep);

        Torch.ManualSeed(12345); // a fresh process would not have the first run's generator state
        var second = new TinyRun(seed: 42, splitDir.Path);
        second.Trainer.Resume(Path.Combine(splitDir.Path, "last.safetensors"));
        Assert.Equal(k, second.Trainer.Position.GlobalStep);
        var resumed = second.Fit();

        Assert.Equal(21, resumed.Position.GlobalStep);
        Assert.Equal(straight.ParameterBits(), second.ParameterBits());
        Assert.Equal(straight.Optimizer.ParamGroups[0].Lr, second.Optimizer.ParamGroups[0].Lr);
        Assert.Equal(File.ReadAllText(Path.Combine(straightDir.Path, "metrics.jsonl")), File.ReadAllText(Path.Combine(splitDir.Path, "metrics.jsonl")));
    }

    [Fact]
    public void Changing_the_generator_state_changes_the_run()
    {
        // The resume test above is only meaningful if the dropout draws matter: a resumed run that skipped
        // restoring the default generator must diverge from the straight run.
        using var dirA = new TempDirectory();
        using var dirB = new TempDirectory();
        var straight = new TinyRun(seed: 42, dirA.Path);
        straight.Fit();

        var first = new TinyRun(seed: 42, dirB.Path, maxSteps: 3);
        first.Fit();
        var second = new TinyRun(seed: 42, dirB.Path);
        second.Trainer.Resume(Path.Combine(dirB.Path, "last.safetensors"));
        Torch.ManualSeed(12345); // clobber the restored state
        second.Fit();
        Assert.NotEqual(straight.ParameterBits(), second.ParameterBits());
    }

    [Fact]
    public void Same_seed_gives_identical_runs_and_another_seed_does_not()
    {
        var a = new TinyRun(seed: 7, null);
        a.Fit();
        var b = new TinyRun(seed: 7, null);
        b.Fit();
        var c = new TinyRun(seed: 8, null);
        c.Fit();
        Assert.Equal(a.ParameterBits(), b.ParameterBits());
        Assert.NotEqual(a.ParameterBits(), c.ParameterBits());
    }

    [Fact]
    public void Metrics_lines_written_after_the_checkpoint_are_dropped_on_resume()
    {
        using var dir = new TempDirectory();
        var first = new TinyRun(seed: 5, dir.Path, checkpointEvery: 4, maxSteps: 6);
        first.Fit(); // writes a checkpoint at step 4, then the final one at 6
        // Simulate a crash after step 6's log line but with only step 4's checkpoint on disk.
        var checkpoint = Path.Combine(dir.Path, "last.safetensors");
        using (var dir4 = new TempDirectory())
        {
            var run4 = new TinyRun(seed: 5, dir4.Path, maxSteps: 4);
            run4.Fit();
            File.Copy(Path.Combine(dir4.Path, "last.safetensors"), checkpoint, overwrite: true);
        }

        var resumed = new TinyRun(seed: 5, dir.Path);
        resumed.Trainer.Resume(checkpoint);
        resumed.Fit();

        using var straightDir = new TempDirectory();
        new TinyRun(seed: 5, straightDir.Path).Fit();
        Assert.Equal(File.ReadAllText(Path.Combine(straightDir.Path, "metrics.jsonl")), File.ReadAllText(Path.Combine(dir.Path, "metrics.jsonl")));
    }
}
