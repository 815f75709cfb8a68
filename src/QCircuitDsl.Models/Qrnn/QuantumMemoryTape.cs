using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// The quantum memory of one forward pass over a sequence: the live state batch, and a few state
/// checkpoints. Backpropagation through time walks back by uncomputing, |ψ_{t−1}⟩ = U(θ_t)†|ψ_t⟩, so no
/// per-step state is stored; checkpoints every <see cref="CheckpointInterval"/> steps replace the
/// uncomputed state to bound float32 drift. Two ways to drive it:
/// <list type="bullet">
/// <item>step by step (<see cref="Forward"/>, <see cref="Backward"/>): the tape keeps every step's angles
/// (B·P per step), for callers whose angles come out of an autograd graph;</item>
/// <item>streaming (<see cref="Advance"/>, <see cref="Retreat"/>): the tape keeps no angles — the caller
/// recomputes them in the backward pass (the fused recurrence, <see cref="QrnnRecurrenceFunction"/>).</item>
/// </list>
/// Memory: three state batches, T / interval checkpoints, and in step-by-step use the angles.
/// </summary>
/// <summary>What <see cref="QuantumSequence"/> reads of its tape whatever the element type.</summary>
internal interface IQuantumMemoryTape
{
    int Steps { get; }
    int CheckpointCount { get; }
    double QuantumSeconds { get; }
    IReadOnlyDictionary<int, double> AdjointNorms { get; }
    void Reorder(int[] rows);
}

internal sealed class QuantumMemoryTape<T> : IQuantumMemoryTape where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<T[]> _angles = new();
    private readonly Dictionary<int, StateBatch<T>> _checkpoints = new();
    private readonly StateBatch<T> _readoutAdjoint;
    private int _cursor;
    private int _steps;
    private bool _streaming;

    public QuantumMemoryTape(QuantumCircuit circuit, int batchSize, int checkpointInterval, StateBatch<T>? initial = null)
    {
        Circuit = circuit;
        BatchSize = batchSize;
        CheckpointInterval = checkpointInterval;
        State = circuit.CreateStates<T>(batchSize);
        if (initial != null)
        {
            // Truncated BPTT: the sequence continues an earlier one's state; keep it exactly as step 0.
            State.CopyFrom(initial);
            _checkpoints[0] = initial.Clone();
        }

        Adjoint = circuit.CreateStates<T>(batchSize);
        Adjoint.Clear();
        _readoutAdjoint = circuit.CreateStates<T>(batchSize);
    }

    public QuantumCircuit Circuit { get; }
    public int BatchSize { get; }
    /// <summary>0 disables checkpoints (pure uncomputation).</summary>
    public int CheckpointInterval { get; }
    /// <summary>ψ at the step the cursor is on: ψ_T after the forward pass, walking back during backward.</summary>
    public StateBatch<T> State { get; }
    /// <summary>g = ∂L/∂Re ψ + i ∂L/∂Im ψ at the cursor, accumulated from later steps.</summary>
    public StateBatch<T> Adjoint { get; }
    public int Steps => _steps;
    public int CheckpointCount => _checkpoints.Count;

    /// <summary>
    /// Keeps only the samples <paramref name="rows"/> (in that order, repeats allowed), as beam search
    /// needs when it reorders hypotheses. The step history no longer matches the samples afterwards,
    /// so a reordered tape cannot run backward; decoding runs without gradients anyway.
    /// </summary>
    public void Reorder(int[] rows)
    {
        if (rows.Length != BatchSize)
        {
            throw new ArgumentException($"reordering keeps the batch size {BatchSize}; got {rows.Length} rows.", nameof(rows));
        }

        var copy = State.Clone();
        for (int b = 0; b < rows.Length; b++)
        {
            copy.RealOf(rows[b]).CopyTo(State.RealOf(b));
            copy.ImagOf(rows[b]).CopyTo(State.ImagOf(b));
        }

        Reordered = true;
    }

    public bool Reordered { get; private set; }

    /// <summary>A copy of the state at the cursor, to start a continuing sequence from.</summary>
    public StateBatch<T> CopyState() =>
        _cursor == _steps
            ? State.Clone()
            : throw new InvalidOperationException("continue a sequence after its forward steps and before its backward pass: the backward pass uncomputes the state.");

    /// <summary>Seconds spent in the quantum engine (forward, readouts, uncomputing backward), for profiling.</summary>
    public double QuantumSeconds => System.Diagnostics.Stopwatch.GetElapsedTime(0, _quantumTicks).TotalSeconds;

    private long _quantumTicks;

    /// <summary>Applies U(θ_t) for a new step, keeping the angles, and returns its readouts [B × R].</summary>
    public T[] Forward(T[] angles)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return ForwardCore(angles);
        }
        finally
        {
            _quantumTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
        }
    }

    private T[] ForwardCore(T[] angles)
    {
        if (_streaming)
        {
            throw new InvalidOperationException("this sequence is driven by a fused recurrence, which keeps no angles; it cannot take single steps.");
        }

        _angles.Add(angles);
        var readouts = new T[BatchSize * Circuit.ReadoutLength];
        Apply(angles, readouts, checkpoint: true);
        return readouts;
    }

    /// <summary>
    /// Streaming forward: applies U(θ_t) for a new step and writes its readouts [B × R] into
    /// <paramref name="readouts"/>. The angles are not kept; <see cref="Retreat"/> needs them again.
    /// <paramref name="last"/> marks the sequence's final step, whose state is still live when the backward
    /// pass starts, so a checkpoint of it would be a wasted state batch.
    /// </summary>
    public void Advance(ReadOnlySpan<T> angles, Span<T> readouts, bool last = false)
    {
        if (_angles.Count > 0)
        {
            throw new InvalidOperationException("this sequence was stepped with kept angles; it cannot also stream.");
        }

        _streaming = true;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        Apply(angles, readouts, checkpoint: !last);
        _quantumTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
    }

    private void Apply(ReadOnlySpan<T> angles, Span<T> readouts, bool checkpoint)
    {
        if (_cursor != _steps)
        {
            throw new InvalidOperationException("the sequence has started its backward pass; begin a new sequence for more steps.");
        }

        Circuit.Forward<T>(State, angles, ParameterLayout.PerSample);
        _steps++;
        _cursor = _steps;
        if (checkpoint && CheckpointInterval > 0 && _cursor % CheckpointInterval == 0)
        {
            _checkpoints[_cursor] = State.Clone();
        }

        Circuit.Readout<T>(State, readouts);
    }

    /// <summary>
    /// Streaming: where a new backward pass must start. After a completed backward pass the state is back
    /// at step 0; <see cref="Replay"/> then walks it forward again (bit-identical, the engine is deterministic).
    /// </summary>
    public int Cursor => _cursor;

    /// <summary>Streaming: re-applies step <see cref="Cursor"/> + 1 with its recomputed angles, for a repeated backward pass.</summary>
    public void Replay(ReadOnlySpan<T> angles)
    {
        if (_cursor >= _steps)
        {
            throw new InvalidOperationException($"all {_steps} steps are applied already; nothing to replay.");
        }

        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        Circuit.Forward<T>(State, angles, ParameterLayout.PerSample);
        _cursor++;
        _quantumTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Streaming: starts a backward pass from the last step with a zero adjoint.</summary>
    public void BeginBackward()
    {
        CheckBackward();
        if (_cursor != _steps)
        {
            throw new InvalidOperationException($"a backward pass starts at step {_steps}; the state is at step {_cursor} (replay the missing steps first).");
        }

        Adjoint.Clear();
    }

    /// <summary>
    /// Streaming backward of step <paramref name="step"/> (the cursor's step): adds the readout gradient
    /// to the adjoint, then uncomputes the step with its recomputed <paramref name="angles"/>, writing
    /// ∂L/∂θ_step [B × P] into <paramref name="gradient"/>.
    /// </summary>
    public void Retreat(int step, ReadOnlySpan<T> readoutGradient, ReadOnlySpan<T> angles, Span<T> gradient)
    {
        if (step != _cursor || step < 1)
        {
            throw new InvalidOperationException($"a streaming backward pass walks back one step at a time: expected step {_cursor}, got {step}.");
        }

        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        AddReadoutGradient(step, readoutGradient);
        gradient.Clear(); // the engine accumulates
        Uncompute(step, angles, gradient);
        _quantumTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
    }

    /// <summary>
    /// Backward of step <paramref name="step"/> (1-based): adds the readout gradient to the adjoint, then
    /// uncomputes the step, moving the adjoint and the state to step − 1. Returns ∂L/∂θ_step [B × P].
    /// </summary>
    public T[] Backward(int step, T[] readoutGradient)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return BackwardCore(step, readoutGradient);
        }
        finally
        {
            _quantumTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
        }
    }

    private void CheckBackward()
    {
        if (Reordered)
        {
            throw new InvalidOperationException("this quantum sequence was reordered for decoding; it cannot run backward.");
        }
    }

    private T[] BackwardCore(int step, T[] readoutGradient)
    {
        CheckBackward();
        if (_cursor < step)
        {
            // A new backward pass over the same graph (retainGraph, or a Jacobian taken row by row): walk
            // forward again from where the last pass stopped, with a fresh adjoint.
            for (int t = _cursor + 1; t <= step; t++)
            {
                Circuit.Forward<T>(State, _angles[t - 1], ParameterLayout.PerSample);
            }

            _cursor = step;
            Adjoint.Clear();
        }

        // Later steps that received no gradient (their outputs were unused) still have to be undone.
        while (_cursor > step)
        {
            Uncompute(_cursor, _angles[_cursor - 1], default, withGradient: false);
        }

        AddReadoutGradient(step, readoutGradient);
        var gradient = new T[BatchSize * Circuit.ParameterCount];
        Uncompute(step, _angles[step - 1], gradient);
        return gradient;
    }

    private void AddReadoutGradient(int step, ReadOnlySpan<T> readoutGradient)
    {
        Circuit.ReadoutBackward<T>(State, readoutGradient, _readoutAdjoint);
        Add(Adjoint, _readoutAdjoint);
        _adjointNorms[step] = MeanNorm(Adjoint); // ‖∂L/∂ψ_t‖: the gradient analysis of the QRNN paper (§4.6)
    }

    /// <summary>Moves state and adjoint back from step <paramref name="step"/> to step − 1; with a gradient span, also accumulates ∂L/∂θ_step.</summary>
    private void Uncompute(int step, ReadOnlySpan<T> angles, Span<T> gradient, bool withGradient = true)
    {
        if (!withGradient)
        {
            Circuit.Inverse<T>(State, angles, ParameterLayout.PerSample);
            // The adjoint carries no gradient from this step, but it must still move back with the state.
            Circuit.Inverse<T>(Adjoint, angles, ParameterLayout.PerSample);
        }
        else
        {
            Circuit.Backward<T>(State, Adjoint, angles, ParameterLayout.PerSample, gradient);
        }

        _cursor = step - 1;
        if (_checkpoints.TryGetValue(_cursor, out var exact))
        {
            State.CopyFrom(exact); // drop the float drift accumulated by uncomputing since the last checkpoint
        }
        else if (_cursor == 0)
        {
            State.SetBasisState(0);
        }
    }

    private readonly Dictionary<int, double> _adjointNorms = new();

    /// <summary>Mean over the batch of ‖∂L/∂ψ_t‖ for each step t (1-based) the last backward pass reached.</summary>
    public IReadOnlyDictionary<int, double> AdjointNorms => _adjointNorms;

    private double MeanNorm(StateBatch<T> batch)
    {
        double total = 0;
        for (int b = 0; b < BatchSize; b++)
        {
            double sum = 0;
            var re = batch.RealOf(b);
            var im = batch.ImagOf(b);
            for (int i = 0; i < re.Length; i++)
            {
                sum += double.CreateChecked(re[i] * re[i] + im[i] * im[i]);
            }

            total += Math.Sqrt(sum);
        }

        return total / BatchSize;
    }

    private static void Add(StateBatch<T> target, StateBatch<T> source)
    {
        var tr = target.Real;
        var ti = target.Imag;
        var sr = source.Real;
        var si = source.Imag;
        for (int i = 0; i < tr.Length; i++)
        {
            tr[i] += sr[i];
            ti[i] += si[i];
        }
    }
}
