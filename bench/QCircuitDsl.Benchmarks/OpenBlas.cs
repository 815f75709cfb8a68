using System.Runtime.InteropServices;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// Late-bound OpenBLAS (Debian's libopenblas0), used only as the benchmark's yardstick. Loaded with
/// NativeLibrary so a machine without it still runs the benchmark and reports our own numbers.
/// </summary>
public sealed unsafe class OpenBlas
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    private readonly delegate* unmanaged<int, void> _setThreads;
    private readonly delegate* unmanaged<int> _getThreads;
    private readonly delegate* unmanaged<byte*> _getConfig;

    public string Path { get; }

    private OpenBlas(nint lib, string path)
    {
        Path = path;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(lib, "cblas_sgemm");
        _setThreads = NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out var st) ? (delegate* unmanaged<int, void>)st : null;
        _getThreads = NativeLibrary.TryGetExport(lib, "openblas_get_num_threads", out var gt) ? (delegate* unmanaged<int>)gt : null;
        _getConfig = NativeLibrary.TryGetExport(lib, "openblas_get_config", out var gc) ? (delegate* unmanaged<byte*>)gc : null;
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    /// <summary>What <see cref="PinEnvironment"/> set, for the report.</summary>
    public static string Environment { get; private set; } = "";

    /// <summary>
    /// Sets OpenBLAS's environment in the C runtime (which it reads when loaded; .NET's own environment
    /// block is a separate copy): OPENBLAS_NUM_THREADS = <paramref name="threads"/>, and, unless already
    /// set, OPENBLAS_CORETYPE=SkylakeX on AVX-512 machines, because Debian's OpenBLAS 0.3.21 does not
    /// recognise newer Xeons (e.g. family 6 model 207) and would fall back to its SSE3 "Prescott" kernels,
    /// an unfair baseline.
    /// </summary>
    public static void PinEnvironment(int threads)
    {
        if (!OperatingSystem.IsLinux()) return;
        var parts = new List<string>();
        SetEnv("OPENBLAS_NUM_THREADS", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
        parts.Add($"OPENBLAS_NUM_THREADS={threads}");
        string? core = System.Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
        if (core is null && System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            SetEnv("OPENBLAS_CORETYPE", "SkylakeX", 0);
            core = "SkylakeX";
        }
        if (core is not null) parts.Add($"OPENBLAS_CORETYPE={core}");
        Environment = string.Join(" ", parts);
    }

    /// <summary>Loads the first OpenBLAS found, or returns null with the reason.</summary>
    public static OpenBlas? TryLoad(out string reason)
    {
        foreach (var name in new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll" })
        {
            if (NativeLibrary.TryLoad(name, out var lib) && NativeLibrary.TryGetExport(lib, "cblas_sgemm", out _))
            {
                reason = "";
                return new OpenBlas(lib, name);
            }
        }
        reason = "OpenBLAS not found (on Debian: apt-get install -y libopenblas0)";
        return null;
    }

    /// <summary>Pins OpenBLAS's thread count; also honoured at load time via OPENBLAS_NUM_THREADS.</summary>
    public int SetThreads(int threads)
    {
        if (_setThreads != null) _setThreads(threads);
        return _getThreads != null ? _getThreads() : -1;
    }

    public string Config => _getConfig != null ? Marshal.PtrToStringAnsi((nint)_getConfig()) ?? "" : "";

    public void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            _sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }
}
