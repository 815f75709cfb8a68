using System.Globalization;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Cli.Commands;

/// <summary>What every <c>train</c> subcommand does around its trainer: data-loading errors, resume checks, the epoch summary, the metrics copy.</summary>
internal static class TrainingOutput
{
    /// <summary>Runs <paramref name="load"/> (reading the task data, building the run); a bad --data file or value becomes a CLI error.</summary>
    public static T LoadData<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new CliException(e.Message);
        }
    }

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
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch.Epoch}: train loss {epoch.Train.Loss:F4}, ")
                + (epoch.Test is { } test ? Describe(test) : "no test split"));
        }
    }

    /// <summary>"test loss 0.1234, test accuracy 95.00%" with perplexity and the whole-set metrics (BLEU) as the task has them.</summary>
    public static string Describe(EvaluationResult test)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"test loss {test.Loss:F4}") };
        if (test.Accuracy is { } accuracy)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"test accuracy {accuracy:P2}"));
        }

        if (test.Perplexity is { } perplexity)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"test perplexity {perplexity:F2}"));
        }

        parts.AddRange(test.Extra.Select(e => string.Create(CultureInfo.InvariantCulture, $"test {e.Key} {e.Value:F2}")));
        return string.Join(", ", parts);
    }

    /// <summary>One JSON object with the metric names of the metrics lines (<c>test_loss</c>, <c>test_accuracy</c>, <c>test_perplexity</c>, <c>test_bleu</c>).</summary>
    public static string EvaluationJson(EvaluationResult test, int examples)
    {
        var fields = new List<(string Name, double Value)> { ("test_loss", test.Loss) };
        if (test.Accuracy is { } accuracy)
        {
            fields.Add(("test_accuracy", accuracy));
        }

        if (test.Perplexity is { } perplexity)
        {
            fields.Add(("test_perplexity", perplexity));
        }

        fields.AddRange(test.Extra.Select(e => ("test_" + e.Key, e.Value)));
        fields.Add(("examples", examples));
        return "{" + string.Join(", ", fields.Select(f => string.Create(CultureInfo.InvariantCulture, $"\"{f.Name}\": {f.Value:R}"))) + "}";
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
