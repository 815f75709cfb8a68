using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Per-sample (or per-tile) execution of every batch operation: picks the generated straight-line kernel (Forward and
/// Backward, when the circuit has one) or the compiled plan and vector kernels when they apply, the straightforward
/// <see cref="SimpleEngine"/> otherwise. Work items are independent, so the
/// result of each does not depend on which thread runs it.
/// </summary>
internal sealed class BatchEngine
{
    /// <summary>
    /// Shared-parameter tiles hold about this many amplitudes (64 KiB of float re+im): small enough to stay in
    /// L2 while every gate passes over the tile, large enough that building the gate matrices once per tile is
    /// free. The tile size depends only on the circuit, never on the thread count, so results stay bit-identical.
    /// </summary>
    public const int TileAmplitudes = 8192;

    public BatchEngine(CircuitProgram program, SimpleEngine simple)
    {
        Simple = simple;
        Dimension = program.Dimension;
        var ops = program.Gates.Select(g => new CompiledOp(g, program.QubitCount)).ToArray();
        Plan = new ExecutionPlan(ops);
        Readout = new FastReadout(program);
    }

    public SimpleEngine Simple { get; }
    public ExecutionPlan Plan { get; }
    public FastReadout Readout { get; }
    public int Dimension { get; }

    /// <summary>The vector path needs AVX-512 and at least one full vector per sample.</summary>
    public bool CanRunFast<T>() where T : unmanaged => Simd.IsSupported && Dimension >= Vector512<T>.Count;

    public int SharedTileSamples => Math.Max(1, TileAmplitudes / Dimension);

    public void Run<T>(SweepJob<T> job, int start, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var states = job.States;
        int d = Dimension, batch = states.BatchSize;
        switch (job.Kind)
        {
            case SweepKind.Forward:
            case SweepKind.Inverse:
            case SweepKind.Backward:
                for (int item = start; item < end; item++)
                {
                    int first = item * job.TileSamples, count = Math.Min(job.TileSamples, batch - first);
                    var p = job.Parameters.AsSpan(first * job.ParameterStride, job.Parameters.Length - first * job.ParameterStride);
                    var re = states.Real.AsSpan(first * d, count * d);
                    var im = states.Imag.AsSpan(first * d, count * d);
                    if (job.Kind == SweepKind.Backward)
                    {
                        var gre = job.Adjoint!.Real.AsSpan(first * d, count * d);
                        var gim = job.Adjoint.Imag.AsSpan(first * d, count * d);
                        BackwardItem(job, re, im, gre, gim, p, item);
                    }
                    else if (job.Kind == SweepKind.Forward && job.Kernel is { } kernel) kernel.Forward(re, im, p);
                    else if (job.Fast) PlanExecutor.Forward(Plan, re, im, p, job.Kind == SweepKind.Inverse);
                    else if (job.Kind == SweepKind.Forward) ForEachSample(re, im, d, p, forward: true);
                    else ForEachSample(re, im, d, p, forward: false);
                }
                break;
            case SweepKind.Readout:
                {
                    int r = job.ReadoutLength;
                    var probs = job.Fast ? null : ArrayPool<double>.Shared.Rent(Math.Max(1, Simple.MaxProbabilityLength));
                    for (int b = start; b < end; b++)
                    {
                        var output = job.Buffer!.AsSpan(b * r, r);
                        if (job.Fast) Readout.Readout<T>(states.RealOf(b), states.ImagOf(b), output);
                        else Simple.Readout<T>(states.RealOf(b), states.ImagOf(b), output, probs);
                    }
                    if (probs is not null) ArrayPool<double>.Shared.Return(probs);
                    break;
                }
            case SweepKind.ReadoutBackward:
                {
                    int r = job.ReadoutLength;
                    var adjoint = job.Adjoint!;
                    for (int b = start; b < end; b++)
                    {
                        var u = job.Buffer!.AsSpan(b * r, r);
                        if (job.Fast) Readout.Backward<T>(states.RealOf(b), states.ImagOf(b), u, adjoint.RealOf(b), adjoint.ImagOf(b));
                        else Simple.ReadoutBackward<T>(states.RealOf(b), states.ImagOf(b), u, adjoint.RealOf(b), adjoint.ImagOf(b));
                    }
                    break;
                }
        }
    }

    private void BackwardItem<T>(SweepJob<T> job, Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p, int item)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int pc = job.ParameterCount;
        var grad = job.Gradient!.AsSpan(item * pc, pc);
        if (job.Kernel is { } kernel)
        {
            kernel.Backward(re, im, gre, gim, p, grad);
            return;
        }
        if (job.Fast)
        {
            PlanExecutor.Backward(Plan, re, im, gre, gim, p, grad);
            return;
        }
        int d = Dimension;
        for (int s = 0; s * d < re.Length; s++)
            Simple.Backward(re.Slice(s * d, d), im.Slice(s * d, d), gre.Slice(s * d, d), gim.Slice(s * d, d), p, grad);
    }

    private void ForEachSample<T>(Span<T> re, Span<T> im, int d, ReadOnlySpan<double> p, bool forward) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int s = 0; s * d < re.Length; s++)
        {
            if (forward) Simple.Forward(re.Slice(s * d, d), im.Slice(s * d, d), p);
            else Simple.Inverse(re.Slice(s * d, d), im.Slice(s * d, d), p);
        }
    }
}
