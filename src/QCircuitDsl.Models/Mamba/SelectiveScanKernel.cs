using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// The CPU selective scan, one (batch, channel block) work item at a time:
/// h_t = exp(Δ_t·A) ⊙ h_{t−1} + Δ_t·B_t·x_t, y_t = ⟨C_t, h_t⟩ + D·x_t, with h_{−1} = 0.
/// Layouts are row-major and time-major: x, Δ, y [B, L, E]; A [E, N]; B, C [B, L, N]; D [E].
/// </summary>
/// <remarks>
/// <para>Determinism: channel blocks have a fixed width (<see cref="ChannelBlock"/>), each work item writes only
/// its own outputs, and every sum across work items (∂A, ∂D over the batch, ∂B, ∂C over channel blocks) is done
/// afterwards in a fixed order. Results are therefore bit-identical for any thread count.</para>
/// <para>Memory: the forward pass keeps the state h only at chunk starts (every <see cref="ScanCheckpoints.Chunk"/>
/// steps): B·⌈L/K⌉·E·N values. The backward pass recomputes one chunk of states and decays per work item
/// ((2K+1)·ChannelBlock·N scratch values) and sweeps it in reverse, so storing h for every step
/// (B·L·E·N values, 205 MB at d_model 128, L 784, batch 16) is never needed. The price is one extra forward
/// recurrence inside backward. The ∂B/∂C partials per channel block take ⌈E/ChannelBlock⌉·B·L·N·2 values.</para>
/// </remarks>
internal static class SelectiveScanKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Channels per work item; fixed so the reduction order does not depend on the machine.</summary>
    public const int ChannelBlock = 16;

    public static T[] Forward(in ScanShape s, in ScanInputs<T> v, ScanCheckpoints<T> checkpoints)
    {
        var y = new T[s.Batch * s.Length * s.Channels];
        var shape = s;
        var inputs = v;
        Run(shape.Batch * shape.Blocks, item => ForwardItem(shape, inputs, checkpoints, y, item));
        return y;
    }

    private static void ForwardItem(in ScanShape s, in ScanInputs<T> v, ScanCheckpoints<T> ck, T[] y, int item)
    {
        int b = item / s.Blocks, d0 = item % s.Blocks * ChannelBlock, d1 = Math.Min(s.Channels, d0 + ChannelBlock);
        int n = s.State, e = s.Channels;
        var h = new T[(d1 - d0) * n];
        var decay = new T[n];
        var input = new T[n];
        for (int t = 0; t < s.Length; t++)
        {
            if (t % ck.Chunk == 0) ck.Save(b, t / ck.Chunk, d0, h);
            int row = (b * s.Length + t) * e, bc = (b * s.Length + t) * n;
            for (int d = d0; d < d1; d++)
            {
                T xt = v.X[row + d], dt = v.Delta[row + d];
                var hd = h.AsSpan((d - d0) * n, n);
                Step(v.A.AsSpan(d * n, n), v.B.AsSpan(bc, n), dt, xt, hd, hd, decay, input);
                y[row + d] = TensorPrimitives.Dot<T>(v.C.AsSpan(bc, n), hd) + v.D[d] * xt;
            }
        }
    }

    public static ScanGradients<T> Backward(in ScanShape s, in ScanInputs<T> v, ScanCheckpoints<T> checkpoints, T[] gy)
    {
        int e = s.Channels, n = s.State, bl = s.Batch * s.Length;
        var g = new ScanGradients<T>(new T[bl * e], new T[bl * e], new T[e * n], new T[bl * n], new T[bl * n], new T[e]);
        // Partial sums that several work items contribute to, reduced below in a fixed order.
        var gAPerBatch = new T[s.Batch * e * n];
        var gDPerBatch = new T[s.Batch * e];
        var gBPerBlock = new T[s.Blocks * bl * n];
        var gCPerBlock = new T[s.Blocks * bl * n];
        var shape = s;
        var inputs = v;
        Run(shape.Batch * shape.Blocks, item =>
            BackwardItem(shape, inputs, checkpoints, gy, g, gAPerBatch, gDPerBatch, gBPerBlock, gCPerBlock, item));

        for (int b = 0; b < s.Batch; b++)
        {
            for (int i = 0; i < e * n; i++) g.A[i] += gAPerBatch[b * e * n + i];
            for (int i = 0; i < e; i++) g.D[i] += gDPerBatch[b * e + i];
        }
        for (int blk = 0; blk < s.Blocks; blk++)
            for (int i = 0; i < bl * n; i++)
            {
                g.B[i] += gBPerBlock[blk * bl * n + i];
                g.C[i] += gCPerBlock[blk * bl * n + i];
            }
        return g;
    }

    private static void BackwardItem(in ScanShape s, in ScanInputs<T> v, ScanCheckpoints<T> ck, T[] gy, ScanGradients<T> g,
        T[] gAPerBatch, T[] gDPerBatch, T[] gBPerBlock, T[] gCPerBlock, int item)
    {
        int b = item / s.Blocks, blk = item % s.Blocks;
        int d0 = blk * ChannelBlock, d1 = Math.Min(s.Channels, d0 + ChannelBlock), w = d1 - d0;
        int n = s.State, e = s.Channels, k = ck.Chunk;
        int blockOffset = blk * s.Batch * s.Length * n;
        // hs[j] holds h at step t0 − 1 + j of the current chunk (j = 0 is the checkpoint).
        var hs = new T[(k + 1) * w * n];
        // decays[j] holds exp(Δ·A) of step t0 + j, kept from the recomputation so the reverse sweep needs no exp.
        var decays = new T[k * w * n];
        var input = new T[n];
        var gh = new T[w * n];
        var gA = gAPerBatch.AsSpan((b * e + d0) * n, w * n);
        var gD = gDPerBatch.AsSpan(b * e + d0, w);

        for (int chunk = (s.Length - 1) / k; chunk >= 0; chunk--)
        {
            int t0 = chunk * k, t1 = Math.Min(s.Length, t0 + k);
            ck.Load(b, chunk, d0, hs.AsSpan(0, w * n));
            for (int t = t0; t < t1; t++)
            {
                int row = (b * s.Length + t) * e, bc = (b * s.Length + t) * n;
                var prev = hs.AsSpan((t - t0) * w * n, w * n);
                var next = hs.AsSpan((t - t0 + 1) * w * n, w * n);
                var decay = decays.AsSpan((t - t0) * w * n, w * n);
                for (int d = d0; d < d1; d++)
                {
                    T xt = v.X[row + d], dt = v.Delta[row + d];
                    int o = (d - d0) * n;
                    Step(v.A.AsSpan(d * n, n), v.B.AsSpan(bc, n), dt, xt, prev.Slice(o, n), next.Slice(o, n), decay.Slice(o, n), input);
                }
            }

            for (int t = t1 - 1; t >= t0; t--)
            {
                int row = (b * s.Length + t) * e, bc = (b * s.Length + t) * n;
                var prev = hs.AsSpan((t - t0) * w * n, w * n);
                var cur = hs.AsSpan((t - t0 + 1) * w * n, w * n);
                var stepDecay = decays.AsSpan((t - t0) * w * n, w * n);
                var gB = gBPerBlock.AsSpan(blockOffset + bc, n);
                var gC = gCPerBlock.AsSpan(blockOffset + bc, n);
                for (int d = d0; d < d1; d++)
                {
                    T xt = v.X[row + d], dt = v.Delta[row + d], gyt = gy[row + d];
                    int o = (d - d0) * n;
                    var (gDelta, gxState) = ReverseStep(v.A.AsSpan(d * n, n), v.B.AsSpan(bc, n), v.C.AsSpan(bc, n), dt, xt, gyt,
                        prev.Slice(o, n), cur.Slice(o, n), stepDecay.Slice(o, n), gh.AsSpan(o, n), gA.Slice(o, n), gB, gC);
                    gD[d - d0] += gyt * xt;
                    g.X[row + d] = gyt * v.D[d] + gxState * dt;
                    g.Delta[row + d] = gDelta;
                }
            }
        }
    }

    /// <summary>
    /// One channel's reverse step over the N state entries, in SIMD vectors with a scalar tail. On entry
    /// <paramref name="gh"/> holds ∂L/∂h_t from later steps; on exit ∂L/∂h_{t−1}. Accumulates ∂A (this channel's row),
    /// ∂B_t and ∂C_t; returns ∂L/∂Δ_t and Σ_j ∂L/∂h_t[j]·B_t[j] (∂L/∂x_t without the D term is that times Δ_t).
    /// </summary>
    private static (T GDelta, T GxState) ReverseStep(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, T dt, T xt, T gyt,
        ReadOnlySpan<T> prev, ReadOnlySpan<T> cur, ReadOnlySpan<T> decay, Span<T> gh, Span<T> gA, Span<T> gB, Span<T> gC)
    {
        int n = a.Length, j = 0;
        T gDelta = T.Zero, gxState = T.Zero, dtx = dt * xt;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            var vGy = new Vector<T>(gyt);
            var vDt = new Vector<T>(dt);
            var vDtx = new Vector<T>(dtx);
            var vXt = new Vector<T>(xt);
            Vector<T> accDelta = Vector<T>.Zero, accX = Vector<T>.Zero;
            for (; j <= n - Vector<T>.Count; j += Vector<T>.Count)
            {
                var aj = new Vector<T>(a[j..]);
                var bj = new Vector<T>(b[j..]);
                var dec = new Vector<T>(decay[j..]);
                // gh enters holding ∂L/∂h_t from later steps; add this step's readout term.
                var ghj = new Vector<T>(gh[j..]) + vGy * new Vector<T>(c[j..]);
                (new Vector<T>(gC[j..]) + vGy * new Vector<T>(cur[j..])).CopyTo(gC[j..]);
                var gDecay = ghj * new Vector<T>(prev[j..]) * dec; // ∂L/∂(Δ·A) through exp
                accDelta += gDecay * aj + ghj * bj * vXt;
                (new Vector<T>(gA[j..]) + gDecay * vDt).CopyTo(gA[j..]);
                (new Vector<T>(gB[j..]) + ghj * vDtx).CopyTo(gB[j..]);
                accX += ghj * bj;
                (ghj * dec).CopyTo(gh[j..]); // carried back to h_{t−1}
            }
            gDelta = Vector.Sum(accDelta);
            gxState = Vector.Sum(accX);
        }
        for (; j < n; j++)
        {
            T ghj = gh[j] + gyt * c[j];
            gC[j] += gyt * cur[j];
            T gDecay = ghj * prev[j] * decay[j];
            gDelta += gDecay * a[j] + ghj * b[j] * xt;
            gA[j] += gDecay * dt;
            gB[j] += ghj * dtx;
            gxState += ghj * b[j];
            gh[j] = ghj * decay[j];
        }
        return (gDelta, gxState);
    }

    /// <summary>One channel's state update, vectorised over the N state entries:
    /// decay = exp(Δ·A_d), next = decay ⊙ prev + (Δ·x)·B_t. <paramref name="next"/> may be <paramref name="prev"/>.</summary>
    private static void Step(ReadOnlySpan<T> a, ReadOnlySpan<T> b, T dt, T xt, ReadOnlySpan<T> prev, Span<T> next, Span<T> decay, Span<T> input)
    {
        if (typeof(T) == typeof(float) && Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            // One fused pass in registers: four library calls on 16 entries cost more in call overhead than in arithmetic
            // (this runs B·L·E times per forward and again in the backward's recomputation).
            StepFloat(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), float.CreateTruncating(dt), float.CreateTruncating(xt),
                MemoryMarshal.Cast<T, float>(prev), MemoryMarshal.Cast<T, float>(next), MemoryMarshal.Cast<T, float>(decay));
            return;
        }
        TensorPrimitives.Multiply(a, dt, decay);
        TensorPrimitives.Exp<T>(decay, decay);
        TensorPrimitives.Multiply(b, dt * xt, input);
        TensorPrimitives.FusedMultiplyAdd<T>(decay, prev, input, next);
    }

    private static void StepFloat(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float dt, float xt, ReadOnlySpan<float> prev, Span<float> next, Span<float> decay)
    {
        int n = a.Length, j = 0;
        var vDt = new Vector<float>(dt);
        var vDtx = new Vector<float>(dt * xt);
        for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
        {
            var d = Vector.Exp(new Vector<float>(a[j..]) * vDt);
            d.CopyTo(decay[j..]);
            (d * new Vector<float>(prev[j..]) + new Vector<float>(b[j..]) * vDtx).CopyTo(next[j..]);
        }
        for (; j < n; j++)
        {
            decay[j] = MathF.Exp(a[j] * dt);
            next[j] = decay[j] * prev[j] + b[j] * (dt * xt);
        }
    }

    private static void Run(int items, Action<int> body)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Torch.GetNumThreads()) };
        Parallel.For(0, items, options, body);
    }
}

/// <summary>Sizes of one scan: B, L, E channels, N state size, and the number of channel blocks.</summary>
internal readonly record struct ScanShape(int Batch, int Length, int Channels, int State)
{
    public int Blocks => (Channels + SelectiveScanKernel<float>.ChannelBlock - 1) / SelectiveScanKernel<float>.ChannelBlock;
}

/// <summary>The scan's inputs as contiguous arrays (layouts on <see cref="SelectiveScanKernel{T}"/>).</summary>
internal readonly record struct ScanInputs<T>(T[] X, T[] Delta, T[] A, T[] B, T[] C, T[] D);

/// <summary>Gradients of the six scan inputs, same layouts.</summary>
internal sealed record ScanGradients<T>(T[] X, T[] Delta, T[] A, T[] B, T[] C, T[] D);

/// <summary>States h_{t0−1} at the start of every chunk of <see cref="Chunk"/> steps, [B, chunks, E, N].</summary>
internal sealed class ScanCheckpoints<T> where T : unmanaged
{
    private readonly T[] _states;
    private readonly int _chunks, _channels, _state;

    public ScanCheckpoints(in ScanShape s, int chunk)
    {
        Chunk = chunk;
        _chunks = (s.Length + chunk - 1) / chunk;
        _channels = s.Channels;
        _state = s.State;
        _states = new T[s.Batch * _chunks * _channels * _state];
    }

    public int Chunk { get; }

    public void Save(int b, int chunk, int d0, ReadOnlySpan<T> h) => h.CopyTo(_states.AsSpan(Offset(b, chunk, d0), h.Length));

    public void Load(int b, int chunk, int d0, Span<T> h) => _states.AsSpan(Offset(b, chunk, d0), h.Length).CopyTo(h);

    private int Offset(int b, int chunk, int d0) => ((b * _chunks + chunk) * _channels + d0) * _state;
}
