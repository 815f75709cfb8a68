using System.Diagnostics;
using System.Globalization;
using QCircuitDsl.Models.Qrnn;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `qrnn --memory-table`: peak resident memory of one MNIST-shaped QRNN training step (n = 10, B = 200) at
/// T = 28 and T = 400, for the fused recurrence (default checkpoints, and none) and for the step-by-step graph
/// it replaced, all in one run.
/// Each measurement runs in a child process of its own (a process's peak resident set only grows), and the
/// two paths alternate so that load changes hit both.
/// </summary>
public static class QrnnMemoryTable
{
    public static int Run()
    {
        Console.WriteLine($"machine: {MachineInfo.Detect()}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        // (path, checkpoint interval): the step-by-step graph with the former default interval (the "before"),
        // the fused recurrence with that interval, with the current default, and with pure uncomputation.
        var configurations = new[] { ("step-by-step", 25), ("fused", 25), ("fused", QuantumMemory.DefaultCheckpointInterval), ("fused", 0) };
        var rows = new Dictionary<(string Path, int Interval, int T), Dictionary<string, string>>();
        foreach (int steps in new[] { 28, 400 })
        {
            foreach (var (path, interval) in configurations)
            {
                rows[(path, interval, steps)] = Child(steps, path == "step-by-step", interval);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| path | checkpoint interval | T | peak resident set | after setup (incl. input) | allocated by the step | kept readouts | checkpoints | peak T=400 / T=28 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (path, interval) in configurations)
        {
            double peak28 = Number(rows[(path, interval, 28)], "peak_MiB");
            foreach (int steps in new[] { 28, 400 })
            {
                var f = rows[(path, interval, steps)];
                string ratio = steps == 400 ? $"**{Number(f, "peak_MiB") / peak28:F2}×**" : "";
                Console.WriteLine($"| {path} | {interval} | {steps} | {f["peak_MiB"]} MiB | {f["setup_MiB"]} MiB | {f["allocated_MiB"]} MiB | {f["readouts_kept_MiB"]} MiB | {f["checkpoints"]} ({f["checkpoints_MiB"]} MiB) | {ratio} |");
            }
        }

        return 0;
    }

    private static Dictionary<string, string> Child(int steps, bool stepByStep, int interval)
    {
        var dll = typeof(QrnnMemoryTable).Assembly.Location;
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(info.FileName) == "dotnet")
        {
            info.ArgumentList.Add(dll);
        }

        foreach (var a in new[] { "qrnn", "--memory", steps.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
        if (stepByStep) info.ArgumentList.Add("--step-by-step");
        info.ArgumentList.Add("--checkpoint-interval");
        info.ArgumentList.Add(interval.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the measuring process");
        string line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the measuring process for T={steps} failed with exit code {process.ExitCode}: {line}");
        Console.WriteLine(line);
        return line.Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
    }

    private static double Number(Dictionary<string, string> fields, string key) => double.Parse(fields[key], CultureInfo.InvariantCulture);
}
