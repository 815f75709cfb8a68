using System.Diagnostics;

namespace QCircuitDsl.Benchmarks;

/// <summary>Median and spread of individually timed calls after a warm-up (BenchTimer.WarmUp).</summary>
public readonly record struct StepTiming(double MedianMs, double MinMs, double MaxMs, int Reps)
{
    public static StepTiming Measure(Action body, double seconds = 1.0, int minReps = 5, int maxReps = 200)
    {
        double estimate = BenchTimer.WarmUp(body, Math.Min(0.3, seconds / 3));
        int reps = (int)Math.Clamp(seconds / Math.Max(estimate, 1e-9), minReps, maxReps);
        var times = new List<double>(reps);
        for (int r = 0; r < reps; r++)
        {
            long start = Stopwatch.GetTimestamp();
            body();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return new StepTiming(BenchTimer.Median(times), times.Min(), times.Max(), reps);
    }

    /// <summary>One timed call without warm-up, for the slow baselines (repeated <paramref name="reps"/> times).</summary>
    public static StepTiming Once(Action body, int reps = 1)
    {
        var times = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            long start = Stopwatch.GetTimestamp();
            body();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return new StepTiming(BenchTimer.Median(times), times.Min(), times.Max(), reps);
    }

    public override string ToString() => $"{MedianMs:0.###} ms [{MinMs:0.###}–{MaxMs:0.###}]";
}
