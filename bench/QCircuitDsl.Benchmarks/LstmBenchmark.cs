using System.Globalization;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `lstm [--rounds R] [--batch-seconds S] [--input I] [--hidden H] [--steps T] [--batch B] [--no-float64]`: one training
/// step's forward + backward of a single-layer LSTM, by default at the sequential-MNIST row shape (input 28, hidden 20,
/// T = 28, batch 200; loss = sum of all outputs), timed as R batches of calls; prints median ms per step and the spread (min, max) over the batches.
/// Rows: the runtime in float32 with all cores and with one thread, the runtime in float64, and the baseline — a
/// naive single-threaded float32 loop implementation (<see cref="NaiveLstm"/>) measured in the same process,
/// alternating with the others so load changes hit all rows alike. The naive gradients double as a correctness check.
/// </summary>
public static class LstmBenchmark
{
    public static int Run(string[] args)
    {
        int rounds = 15;
        double batchSeconds = 0.25;
        var shape = new LstmShape(28, 20, 28, 200);
        bool float64 = true;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--batch-seconds" && i + 1 < args.Length) batchSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--input" && i + 1 < args.Length)
            {
                if (!TryPositiveInt(args[++i], "--input", out var value)) return 2;
                shape = shape with { Input = value };
            }
            else if (args[i] == "--hidden" && i + 1 < args.Length)
            {
                if (!TryPositiveInt(args[++i], "--hidden", out var value)) return 2;
                shape = shape with { Hidden = value };
            }
            else if (args[i] == "--steps" && i + 1 < args.Length)
            {
                if (!TryPositiveInt(args[++i], "--steps", out var value)) return 2;
                shape = shape with { Steps = value };
            }
            else if (args[i] == "--batch" && i + 1 < args.Length)
            {
                if (!TryPositiveInt(args[++i], "--batch", out var value)) return 2;
                shape = shape with { Batch = value };
            }
            else if (args[i] == "--no-float64") float64 = false;
            else { Console.Error.WriteLine($"lstm: unknown option {args[i]}"); return 2; }
        }

        var machine = MachineInfo.Detect();
        Console.WriteLine($"# LSTM benchmark, {DateTime.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine($"machine: {machine}");
        Console.WriteLine($"shape: input {shape.Input}, hidden {shape.Hidden}, T {shape.Steps}, batch {shape.Batch}; forward + backward of sum(output) per step");

        int cores = Environment.ProcessorCount;
        var f32 = new RuntimeCase(DType.Float32, shape);
        var f64 = float64 ? new RuntimeCase(DType.Float64, shape) : null;
        var naive = new NaiveLstm(f32.Lstm, f32.InputValues, shape.Steps);

        var (maxDiff, maxGrad) = naive.MaxGradientDifference(f32.StepAndGradients());
        Console.WriteLine($"check: max |naive − runtime| over all parameter gradients (float32) = {maxDiff:G3} (largest |gradient| {maxGrad:G3}, relative {maxDiff / maxGrad:G3})");

        var cases = new List<(string Name, Action Body, int Threads)>
        {
            ($"runtime float32, {cores} threads", f32.Step, cores),
            ("runtime float32, 1 thread", f32.Step, 1),
        };
        if (f64 is not null) cases.Add(($"runtime float64, {cores} threads", f64.Step, cores));
        cases.Add(("naive loops float32, 1 thread (baseline)", naive.Step, 1));
        var estimates = new double[cases.Count];
        for (int c = 0; c < cases.Count; c++)
        {
            Torch.SetNumThreads(cases[c].Threads);
            estimates[c] = BenchTimer.WarmUp(cases[c].Body, 0.5);
        }
        var samples = cases.Select(_ => new List<double>()).ToArray();
        for (int r = 0; r < rounds; r++)
            for (int c = 0; c < cases.Count; c++)
            {
                Torch.SetNumThreads(cases[c].Threads);
                samples[c].Add(BenchTimer.Batch(cases[c].Body, estimates[c], batchSeconds) * 1e3);
            }
        Torch.SetNumThreads(cores);

        double baseline = BenchTimer.Median(samples[^1]);
        Console.WriteLine();
        Console.WriteLine("| implementation | median ms / step | min – max ms | speed-up vs naive |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (int c = 0; c < cases.Count; c++)
        {
            double median = BenchTimer.Median(samples[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cases[c].Name} | {median:0.00} | {samples[c].Min():0.00} – {samples[c].Max():0.00} | {baseline / median:0.00}× |"));
        }
        Console.WriteLine($"({rounds} batches of about {batchSeconds} s per row)");
        return 0;
    }

    private static bool TryPositiveInt(string text, string option, out int value)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0) return true;
        Console.Error.WriteLine($"lstm: {option} expects a positive integer, got '{text}'");
        return false;
    }

    /// <summary>The benchmarked LSTM's sizes: input features, hidden units, time steps, batch rows.</summary>
    private readonly record struct LstmShape(int Input, int Hidden, int Steps, int Batch);

    /// <summary>The runtime's nn.LSTM and autograd, as a training step would use them.</summary>
    private sealed class RuntimeCase
    {
        public RuntimeCase(DType dtype, LstmShape shape)
        {
            Lstm = new LSTM(shape.Input, shape.Hidden, dtype: dtype, generator: new Generator(1));
            X = Torch.Randn([shape.Steps, shape.Batch, shape.Input], new Generator(2), dtype);
        }

        public LSTM Lstm { get; }
        public Tensor X { get; }
        public float[] InputValues => X.ToArray<float>();

        public void Step()
        {
            Lstm.ZeroGrad();
            Lstm.Forward(X).Output.Sum().Backward();
        }

        public float[][] StepAndGradients()
        {
            Step();
            return Lstm.Parameters().Select(p => p.Grad!.ToArray<float>()).ToArray();
        }
    }
}

/// <summary>
/// The LSTM benchmark's baseline: forward and backpropagation through time written as plain nested loops over
/// float arrays, single-threaded, no tensors, no autograd — what one would write without a framework. Gate order and
/// weight layout are PyTorch's (i, f, g, o; weight_ih [4H, I]). Loss = sum of all outputs h_t.
/// </summary>
public sealed class NaiveLstm
{
    private readonly int _input, _hidden, _steps, _batch;
    private readonly float[] _wIh, _wHh, _bIh, _bHh, _x;
    private readonly float[] _gIh, _gHh, _gB;
    // Saved per step for BPTT: activated gates [T, B, 4H], cell states [T+1, B, H], hidden states [T+1, B, H].
    private readonly float[] _gates, _c, _h;

    public NaiveLstm(QCircuitDsl.Runtime.NN.LSTM lstm, float[] x, int steps)
    {
        var (wIh, wHh, bIh, bHh) = lstm.Layers[0];
        _input = lstm.InputSize;
        _hidden = lstm.HiddenSize;
        _wIh = wIh.ToArray<float>();
        _wHh = wHh.ToArray<float>();
        _bIh = bIh!.ToArray<float>();
        _bHh = bHh!.ToArray<float>();
        _x = x;
        _steps = steps;
        _batch = x.Length / (_steps * _input);
        int g4 = 4 * _hidden;
        _gIh = new float[_wIh.Length];
        _gHh = new float[_wHh.Length];
        _gB = new float[g4];
        _gates = new float[_steps * _batch * g4];
        _c = new float[(_steps + 1) * _batch * _hidden];
        _h = new float[(_steps + 1) * _batch * _hidden];
    }

    public void Step()
    {
        Forward();
        Backward();
    }

    private static float Sigmoid(float v) => 1f / (1f + MathF.Exp(-v));

    private void Forward()
    {
        int H = _hidden, I = _input, B = _batch, g4 = 4 * H;
        for (int t = 0; t < _steps; t++)
            for (int b = 0; b < B; b++)
            {
                int xRow = (t * B + b) * I, hPrev = (t * B + b) * H, hNext = ((t + 1) * B + b) * H, gRow = (t * B + b) * g4;
                for (int j = 0; j < g4; j++)
                {
                    float a = _bIh[j] + _bHh[j];
                    for (int k = 0; k < I; k++) a += _x[xRow + k] * _wIh[j * I + k];
                    for (int k = 0; k < H; k++) a += _h[hPrev + k] * _wHh[j * H + k];
                    _gates[gRow + j] = j >= 2 * H && j < 3 * H ? MathF.Tanh(a) : Sigmoid(a);
                }
                for (int k = 0; k < H; k++)
                {
                    float i = _gates[gRow + k], f = _gates[gRow + H + k], g = _gates[gRow + 2 * H + k], o = _gates[gRow + 3 * H + k];
                    float c = f * _c[hPrev + k] + i * g;
                    _c[hNext + k] = c;
                    _h[hNext + k] = o * MathF.Tanh(c);
                }
            }
    }

    private void Backward()
    {
        int H = _hidden, I = _input, B = _batch, g4 = 4 * H;
        Array.Clear(_gIh);
        Array.Clear(_gHh);
        Array.Clear(_gB);
        var dh = new float[B * H];
        var dc = new float[B * H];
        var da = new float[g4];
        for (int t = _steps - 1; t >= 0; t--)
            for (int b = 0; b < B; b++)
            {
                int xRow = (t * B + b) * I, hPrev = (t * B + b) * H, hNext = ((t + 1) * B + b) * H, gRow = (t * B + b) * g4;
                for (int k = 0; k < H; k++)
                {
                    float i = _gates[gRow + k], f = _gates[gRow + H + k], g = _gates[gRow + 2 * H + k], o = _gates[gRow + 3 * H + k];
                    float tc = MathF.Tanh(_c[hNext + k]);
                    float dhk = 1f + dh[b * H + k]; // ∂sum/∂h_t plus what flows back from step t+1
                    float dck = dhk * o * (1 - tc * tc) + dc[b * H + k];
                    da[k] = dck * g * i * (1 - i);
                    da[H + k] = dck * _c[hPrev + k] * f * (1 - f);
                    da[2 * H + k] = dck * i * (1 - g * g);
                    da[3 * H + k] = dhk * tc * o * (1 - o);
                    dc[b * H + k] = dck * f;
                }
                for (int k = 0; k < H; k++) dh[b * H + k] = 0;
                for (int j = 0; j < g4; j++)
                {
                    float a = da[j];
                    _gB[j] += a;
                    for (int k = 0; k < I; k++) _gIh[j * I + k] += a * _x[xRow + k];
                    for (int k = 0; k < H; k++)
                    {
                        _gHh[j * H + k] += a * _h[hPrev + k];
                        dh[b * H + k] += a * _wHh[j * H + k];
                    }
                }
            }
    }

    /// <summary>Largest absolute difference to another implementation's (weight_ih, weight_hh, bias_ih, bias_hh)
    /// gradients, and the largest gradient magnitude to judge it against (sums over 5600 rows are large).</summary>
    public (double MaxDifference, double MaxGradient) MaxGradientDifference(float[][] other)
    {
        Step();
        float[][] mine = [_gIh, _gHh, _gB, _gB];
        double max = 0, largest = 0;
        for (int p = 0; p < 4; p++)
            for (int i = 0; i < mine[p].Length; i++)
            {
                max = Math.Max(max, Math.Abs(mine[p][i] - other[p][i]));
                largest = Math.Max(largest, Math.Abs(other[p][i]));
            }
        return (max, largest);
    }
}
