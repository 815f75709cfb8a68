using System.Globalization;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Cli.Commands;

/// <summary>What every <c>train</c> subcommand does around its trainer: resume checks, the epoch summary, the metrics copy.</summary>
internal static class TrainingOutput
{
    /// <summary>The checkpoint to resume from when <paramref name="resume"/> is set, or null.</summary>
    public static string? ResumePath(bool resume, string? checkpointPath)
    {
        if (!resume)
        {
            return null;
        }

        if (checkpointPath is null || !File.Exists(checkpointPath))
        {
            throw new CliException($"--resume: no checkpoint at {checkpointPath}; train without --resume first");
        }

        return checkpointPath;
    }

    public static void PrintEpochs(TextWriter output, TrainingResult trained)
    {
        foreach (var epoch in trained.Epochs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch.Epoch}: train loss {epoch.Train.Loss:F4}, test loss {epoch.Test?.Loss:F4}, test accuracy {epoch.Test?.Accuracy:P2}"));
        }
    }

    /// <summary>Copies the per-epoch lines of the run's metrics.jsonl to <paramref name="destination"/> (atomically).</summary>
    public static void CopyEpochMetrics(string runFolder, string? destination)
    {
        if (destination is null)
        {
            return;
        }

        var lines = File.ReadAllLines(Path.Combine(runFolder, "metrics.jsonl")).Where(l => l.Contains("\"test_loss\"", StringComparison.Ordinal));
        AtomicFile.WriteAllText(destination, string.Join("\n", lines) + "\n");
    }
}
