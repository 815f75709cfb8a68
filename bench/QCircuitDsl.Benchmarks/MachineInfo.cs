using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Benchmarks;

/// <summary>What the numbers were measured on, and the float32 FMA peak they are judged against.</summary>
public sealed record MachineInfo(string CpuModel, double ClockGHz, int Cores, int FloatLanes)
{
    /// <summary>Cores × 2 FMA units × lanes × 2 FLOP per FMA × clock (assumes two FMA ports, as on Xeon cores with AVX-512).</summary>
    public double PeakGflops => Cores * 2 * FloatLanes * 2 * ClockGHz;

    public static MachineInfo Detect()
    {
        string model = "unknown CPU";
        double ghz = 0;
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                var parts = line.Split(':', 2);
                if (parts.Length < 2) continue;
                var key = parts[0].Trim();
                if (key == "model name" && model == "unknown CPU") model = parts[1].Trim();
                // "cpu MHz" is the current clock; on VMs it is the nominal one, which is what we want.
                if (key == "cpu MHz" && ghz == 0 && double.TryParse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var mhz)) ghz = mhz / 1000;
            }
        }
        int lanes = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;
        return new MachineInfo(model, ghz, Environment.ProcessorCount, lanes);
    }

    public override string ToString() =>
        $"{CpuModel}, {Cores} cores @ {ClockGHz:0.00} GHz, {FloatLanes}-lane float vectors, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";
}
