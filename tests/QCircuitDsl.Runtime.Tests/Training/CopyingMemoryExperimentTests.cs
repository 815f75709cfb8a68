using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tests.Data;
using QCircuitDsl.Runtime.Training.Recipes;
using Xunit.Abstractions;

namespace QCircuitDsl.Runtime.Tests.Training;

/// <summary>A few-second version of examples/QCircuitDsl.Examples.LstmCopying: the same code path, smaller sizes.</summary>
public class CopyingMemoryExperimentTests(ITestOutputHelper output)
{
    [Fact]
    public void A_tiny_lstm_run_beats_chance_on_the_copied_symbols()
    {
        using var dir = new TempDirectory();
        var settings = new CopyingMemorySettings
        {
            Delay = 2,
            TrainSequences = 2000,
            TestSequences = 200,
            HiddenSize = 32,
            BatchSize = 10,
            Epochs = 4, // 800 steps: the copying task's loss sits on the memoryless plateau for the first few hundred
            LearningRate = 3e-3,
            Seed = 1,
            OutputDirectory = dir.Path,
            Reporter = NullProgressReporter.Instance,
        };
        var result = new CopyingMemoryExperiment(settings).Run();
        foreach (var e in result.Epochs)
            output.WriteLine($"epoch {e.Epoch}: train {e.Train.Loss:0.0000} test {e.Test!.Loss:0.0000} acc {e.Test.Accuracy:0.000}");

        var last = result.Epochs[^1].Test!;
        // Chance is 1/8 = 0.125 on the copied symbols (one standard error over 2000 test symbols ≈ 0.0074), and the
        // memoryless strategy's loss is 10·ln 8 / 22 ≈ 0.945 for T = 2: the model must beat both.
        Assert.True(last.Accuracy > 0.14, $"test accuracy {last.Accuracy} is not above chance 0.125");
        Assert.True(last.Loss < CopyingMemoryTaskBaseline(settings.Delay), $"test loss {last.Loss} is not below the memoryless baseline");
        Assert.True(File.Exists(Path.Combine(dir.Path, "last.safetensors")));
        Assert.Equal(settings.Epochs, File.ReadLines(Path.Combine(dir.Path, "metrics.jsonl")).Count(l => l.Contains("\"kind\":\"epoch\"")));
    }

    private static double CopyingMemoryTaskBaseline(int delay) => QCircuitDsl.Runtime.Data.CopyingMemoryTask.BaselineCrossEntropyFor(delay);
}
