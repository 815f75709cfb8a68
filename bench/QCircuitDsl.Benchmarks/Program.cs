namespace QCircuitDsl.Benchmarks;

/// <summary>
/// Entry point: the first argument names the benchmark, the rest go to it. Each benchmark lives in its
/// own file and registers one line here.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, (string Summary, Func<string[], int> Run)> Benchmarks = new()
    {
        ["gemm"] = ("Sgemm at the models' shapes vs OpenBLAS cblas_sgemm (same run)", GemmBenchmark.Run),
        ["circuits"] = ("Statevector engine: sim14 QRNN step, projection strategies, memory (vs straightforward + interpreter)", CircuitBenchmark.Run),
        ["lstm"] = ("LSTM (default input 28, hidden 20, T 28, batch 200; --input/--hidden/--steps/--batch) forward+backward vs a naive loop implementation", LstmBenchmark.Run),
        ["qrnn"] = ("QRNN training steps at MNIST and PTB shapes (fused vs step-by-step), quantum/controller share, LSTM ratio; --memory-table: peak memory T 28 vs 400; --drift", QrnnTrainingBenchmark.Run),
        ["mamba"] = ("Mamba block fwd+bwd tokens/s at L 784, batch 16; quantum projections vs the Linear they replace; --paper-epoch: the 30-minute epoch target", MambaBenchmark.Run),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var bench))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/QCircuitDsl.Benchmarks -- <benchmark> [options]");
            foreach (var (name, (summary, _)) in Benchmarks) Console.Error.WriteLine($"  {name,-10} {summary}");
            return args.Length == 0 ? 0 : 2;
        }
        return bench.Run(args[1..]);
    }
}
