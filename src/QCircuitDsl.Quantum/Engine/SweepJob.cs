using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

internal enum SweepKind { Forward, Inverse, Readout, ReadoutBackward, Backward }

/// <summary>
/// The arguments of one batch call, held in a reusable object: one cached instance per calling thread and T
/// (taken while in use, so nested or concurrent calls simply get a fresh one).
/// </summary>
internal sealed class SweepJob<T> : ChunkJob where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic] private static SweepJob<T>? t_cached;

    public static SweepJob<T> Rent()
    {
        var job = t_cached ?? new SweepJob<T>();
        t_cached = null;
        return job;
    }

    public void Return()
    {
        Engine = null!; States = null!; Adjoint = null; Parameters = null!; Buffer = null; Gradient = null; Kernel = null;
        t_cached = this;
    }

    public BatchEngine Engine = null!;
    public SweepKind Kind;
    public StateBatch<T> States = null!;
    public StateBatch<T>? Adjoint;
    /// <summary>Parameters in double: one row per sample (stride P) or one shared row (stride 0).</summary>
    public double[] Parameters = null!;
    public int ParameterStride;
    public int ParameterCount;
    public int ReadoutLength;
    /// <summary>Samples per work item: 1, or a tile of samples sharing one parameter row.</summary>
    public int TileSamples = 1;
    /// <summary>Readout output or upstream values, B × ReadoutLength.</summary>
    public T[]? Buffer;
    /// <summary>Per-item gradient rows, items × P.</summary>
    public double[]? Gradient;
    public bool Fast;
    /// <summary>The generated kernel that replaces the plan for Forward and Backward (only set together with Fast).</summary>
    public QCircuitDsl.Quantum.Kernels.SpecializedKernel? Kernel;

    protected override void Body(int start, int end) => Engine.Run(this, start, end);
}
