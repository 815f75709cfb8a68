using System.Text.Json;
using QCircuitDsl.Runtime.Checkpoints;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Serialization;

namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// Opens the metrics file of a run. A resumed run first drops the lines written after its checkpoint (a crash between
/// checkpoint and crash leaves some), so the finished file equals that of an uninterrupted run.
/// </summary>
internal static class MetricsLog
{
    public static JsonLinesMetricsWriter Open(string path, TrainingPosition? resumedFrom)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        if (resumedFrom is not { } position) return JsonLinesMetricsWriter.Open(path, append: false);
        if (File.Exists(path))
        {
            var kept = File.ReadAllLines(path).Where(line => Keep(line, position)).ToList();
            AtomicFile.WriteAllText(path, string.Concat(kept.Select(line => line + "\n")));
        }
        return JsonLinesMetricsWriter.Open(path, append: true);
    }

    /// <summary>Epoch lines (1-based) of epochs completed before the checkpoint; other lines up to its step.</summary>
    private static bool Keep(string line, TrainingPosition position)
    {
        if (string.IsNullOrWhiteSpace(line)) return false;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string kind = root.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
            if (kind == "epoch") return root.GetProperty("epoch").GetInt32() <= position.Epoch;
            return !root.TryGetProperty("step", out var step) || step.GetInt64() <= position.GlobalStep;
        }
        catch (JsonException)
        {
            return false; // a line cut short by a crash
        }
    }
}
