using System.Globalization;

namespace QCircuitDsl.Runtime.Reporting;

/// <summary>
/// Throughput and time-left arithmetic shared by the reporters. Uses the average rate since start
/// (completed / elapsed): it is steadier than an instantaneous rate for training loops, whose per-batch time jitters.
/// </summary>
public static class ProgressMath
{
    /// <summary>Items per second, or null before any time has passed or anything is done.</summary>
    public static double? Rate(long completed, TimeSpan elapsed) =>
        completed > 0 && elapsed > TimeSpan.Zero ? completed / elapsed.TotalSeconds : null;

    /// <summary>Estimated time left, or null when the total is unknown or the rate is not yet measurable.</summary>
    public static TimeSpan? Remaining(long completed, long total, TimeSpan elapsed)
    {
        if (total <= 0 || Rate(completed, elapsed) is not double rate)
            return null;
        long left = Math.Max(0, total - completed);
        double seconds = left / rate;
        return seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>"12.3 batch/s", switching to "4.56 s/batch" below one item per second (as tqdm does).</summary>
    public static string FormatRate(double? rate, string unit)
    {
        if (rate is not double r)
            return $"? {unit}/s";
        return r >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{r:0.0} {unit}/s")
            : string.Create(CultureInfo.InvariantCulture, $"{1 / r:0.00} s/{unit}");
    }

    /// <summary>"mm:ss", or "h:mm:ss" from one hour, or "?" when unknown.</summary>
    public static string FormatDuration(TimeSpan? duration)
    {
        if (duration is not TimeSpan d)
            return "?";
        long totalSeconds = (long)Math.Round(d.TotalSeconds);
        long h = totalSeconds / 3600, m = totalSeconds / 60 % 60, s = totalSeconds % 60;
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m:00}:{s:00}");
    }
}
