using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

/// <summary>
/// The torch.* namespace: global switches (grad mode, seed, threads) and tensor creation. Tensor functions such as
/// Torch.Cat or Torch.MatMul live in the other parts of this partial class.
/// </summary>
public static partial class Torch
{
    [ThreadStatic] private static Generator? _defaultGenerator;

    /// <summary>The generator used when none is passed. One per thread, so parallel test runs or worker threads never
    /// interleave draws; a thread that never seeded starts from <see cref="Generator.DefaultSeed"/>.</summary>
    public static Generator DefaultGenerator => _defaultGenerator ??= new Generator();

    /// <summary>Seeds this thread's default generator (torch.manual_seed) and returns it.</summary>
    public static Generator ManualSeed(long seed) => DefaultGenerator.ManualSeed(seed);

    /// <summary>using (Torch.NoGrad()) { ... } — operations inside are not recorded for autograd.</summary>
    public static IDisposable NoGrad() => GradMode.NoGrad();

    public static IDisposable EnableGrad() => GradMode.EnableGrad();

    public static IDisposable SetGradEnabled(bool enabled) => GradMode.Set(enabled);

    public static bool IsGradEnabled => GradMode.IsEnabled;

    /// <summary>Maximum threads used by parallel kernels (torch.set_num_threads). Results do not depend on it.</summary>
    public static void SetNumThreads(int threads)
    {
        ParallelFor.MaxThreads = threads;
        LinearAlgebra.Gemm.MaxDegreeOfParallelism = threads;
    }

    public static int GetNumThreads() => ParallelFor.MaxThreads;

    /// <summary>torch.autograd.grad: gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>,
    /// returned instead of accumulated into .Grad.</summary>
    public static Tensor?[] Grad(Tensor[] outputs, Tensor[] inputs, Tensor?[]? gradOutputs = null, bool retainGraph = false,
        bool createGraph = false, bool allowUnused = false) =>
        Engine.Grad(outputs, inputs, gradOutputs, retainGraph || createGraph, createGraph, allowUnused);

    // ------------------------------------------------------------------ from data

    public static Tensor Tensor(float[] data, params int[] shape) => FromData(data, shape);
    public static Tensor Tensor(double[] data, params int[] shape) => FromData(data, shape);
    public static Tensor Tensor(long[] data, params int[] shape) => FromData(data, shape);

    public static Tensor Tensor(float[,] data) => Tensors.Tensor.FromArray(data.Cast<float>().ToArray(), [data.GetLength(0), data.GetLength(1)]);
    public static Tensor Tensor(double[,] data) => Tensors.Tensor.FromArray(data.Cast<double>().ToArray(), [data.GetLength(0), data.GetLength(1)]);

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32) => Full([], value, dtype);

    // An empty shape means a 1-D tensor of the data (torch.tensor([1, 2, 3])); the array is copied.
    private static Tensor FromData<T>(T[] data, int[] shape) where T : unmanaged =>
        Tensors.Tensor.FromArray((T[])data.Clone(), shape.Length == 0 ? [data.Length] : (int[])shape.Clone());

    // ------------------------------------------------------------------ constant fills

    public static Tensor Empty(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Tensors.Tensor.Empty(dtype, CheckShape(shape, "empty")).RequiresGrad_(requiresGrad);

    public static Tensor Zeros(params int[] shape) => Zeros(shape, DType.Float32);
    public static Tensor Zeros(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false) => Empty(shape, dtype, requiresGrad);

    public static Tensor Ones(params int[] shape) => Ones(shape, DType.Float32);
    public static Tensor Ones(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false) => Full(shape, 1.0, dtype, requiresGrad);

    public static Tensor Full(int[] shape, double value, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        var t = Tensors.Tensor.Empty(dtype, CheckShape(shape, "full"));
        InPlace.Fill(t, value);
        return t.RequiresGrad_(requiresGrad);
    }

    public static Tensor ZerosLike(Tensor t, DType? dtype = null) => Zeros(t.Shape, dtype ?? t.DType);
    public static Tensor OnesLike(Tensor t, DType? dtype = null) => Ones(t.Shape, dtype ?? t.DType);
    public static Tensor FullLike(Tensor t, double value, DType? dtype = null) => Full(t.Shape, value, dtype ?? t.DType);

    /// <summary>Values start, start+step, ... below end (torch.arange). Float32 by default like
    /// torch.arange with float arguments; pass DType.Int64 for indices.</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Float32)
    {
        if (step == 0) throw new ArgumentException("arange: step must be nonzero");
        var count = (int)Math.Max(0, Math.Ceiling((end - start) / step));
        var t = Tensors.Tensor.Empty(dtype, [count]);
        switch (dtype)
        {
            case DType.Float32: { var d = t.Span<float>(); for (var i = 0; i < count; i++) d[i] = (float)(start + i * step); break; }
            case DType.Float64: { var d = t.Span<double>(); for (var i = 0; i < count; i++) d[i] = start + i * step; break; }
            default: { var d = t.Span<long>(); for (var i = 0; i < count; i++) d[i] = (long)(start + i * step); break; }
        }
        return t;
    }

    public static Tensor Arange(double end, DType dtype = DType.Float32) => Arange(0, end, 1, dtype);

    /// <summary>Evenly spaced values from start to end inclusive (torch.linspace).</summary>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DType.Float32)
    {
        var values = new double[steps];
        for (var i = 0; i < steps; i++) values[i] = steps == 1 ? start : start + (end - start) * i / (steps - 1);
        return Casting.To(Tensor(values), dtype);
    }

    /// <summary>Identity matrix (torch.eye).</summary>
    public static Tensor Eye(int n, DType dtype = DType.Float32)
    {
        var t = Zeros([n, n], dtype);
        for (var i = 0; i < n; i++) InPlace.SetFlat(t, i * n + i, 1.0);
        return t;
    }

    // ------------------------------------------------------------------ random

    /// <summary>Standard normal samples (torch.randn).</summary>
    public static Tensor Randn(params int[] shape) => Randn(shape, null);

    public static Tensor Randn(int[] shape, Generator? generator, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Normal(shape, 0, 1, generator, dtype, requiresGrad);

    /// <summary>Uniform samples in [0, 1) (torch.rand).</summary>
    public static Tensor Rand(params int[] shape) => Rand(shape, null);

    public static Tensor Rand(int[] shape, Generator? generator, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Uniform(shape, 0, 1, generator, dtype, requiresGrad);

    /// <summary>Uniform samples in [low, high) (torch.empty(...).uniform_(low, high)).</summary>
    public static Tensor Uniform(int[] shape, double low, double high, Generator? generator = null, DType dtype = DType.Float32,
        bool requiresGrad = false)
    {
        var t = Tensors.Tensor.Empty(dtype, CheckShape(shape, "uniform"));
        InPlace.Uniform(t, low, high, generator);
        return t.RequiresGrad_(requiresGrad);
    }

    /// <summary>Normal samples with the given mean and standard deviation.</summary>
    public static Tensor Normal(int[] shape, double mean, double std, Generator? generator = null, DType dtype = DType.Float32,
        bool requiresGrad = false)
    {
        var t = Tensors.Tensor.Empty(dtype, CheckShape(shape, "normal"));
        InPlace.Normal(t, mean, std, generator);
        return t.RequiresGrad_(requiresGrad);
    }

    public static Tensor RandnLike(Tensor t, Generator? generator = null) => Randn(t.Shape, generator, t.DType);
    public static Tensor RandLike(Tensor t, Generator? generator = null) => Rand(t.Shape, generator, t.DType);

    /// <summary>Uniform integers in [low, high) as int64 (torch.randint).</summary>
    public static Tensor Randint(long low, long high, int[] shape, Generator? generator = null)
    {
        if (high <= low) throw new ArgumentException($"randint: expected low < high, got low={low}, high={high}");
        var g = generator ?? DefaultGenerator;
        var t = Tensors.Tensor.Empty(DType.Int64, CheckShape(shape, "randint"));
        var d = t.Span<long>();
        for (var i = 0; i < d.Length; i++) d[i] = low + g.NextInt64(high - low);
        return t;
    }

    /// <summary>A random permutation of 0..n-1 as int64 (torch.randperm), by Fisher–Yates.</summary>
    public static Tensor Randperm(int n, Generator? generator = null)
    {
        var g = generator ?? DefaultGenerator;
        var values = new long[n];
        for (var i = 0; i < n; i++) values[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)g.NextInt64(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
        return Tensors.Tensor.FromArray(values, [n]);
    }

    private static int[] CheckShape(int[] shape, string op)
    {
        foreach (var d in shape)
            if (d < 0) throw new ArgumentException($"{op}: negative dimension in shape {ShapeUtils.Format(shape)}");
        return (int[])shape.Clone();
    }
}
