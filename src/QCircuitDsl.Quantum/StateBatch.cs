using System.Numerics;

namespace QCircuitDsl.Quantum;

/// <summary>
/// A batch of state vectors (or adjoint vectors) in split layout: sample b occupies
/// <c>[b*Dimension, (b+1)*Dimension)</c> of both <see cref="Real"/> and <see cref="Imag"/>.
/// Split real/imaginary arrays keep the kernels simple and vectorisable later.
/// </summary>
public sealed class StateBatch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Allocates <paramref name="batchSize"/> states of <paramref name="qubitCount"/> qubits, all |0…0⟩.</summary>
    public StateBatch(int qubitCount, int batchSize)
    {
        if (qubitCount < 1 || qubitCount > GateInfo.MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, $"qubitCount is {qubitCount}; expected 1 to {GateInfo.MaxQubits}.");
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize is {batchSize}; expected at least 1.");
        long total = (long)batchSize << qubitCount;
        if (total > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"a batch of {batchSize} states of {qubitCount} qubits needs {total} amplitudes; expected at most {Array.MaxLength}.");
        QubitCount = qubitCount;
        BatchSize = batchSize;
        Dimension = 1 << qubitCount;
        Real = new T[total];
        Imag = new T[total];
        SetBasisState(0);
    }

    public int QubitCount { get; }
    public int BatchSize { get; }
    /// <summary>2^QubitCount amplitudes per sample.</summary>
    public int Dimension { get; }
    /// <summary>Real parts, BatchSize × Dimension.</summary>
    public T[] Real { get; }
    /// <summary>Imaginary parts, BatchSize × Dimension.</summary>
    public T[] Imag { get; }

    public Span<T> RealOf(int b) => Real.AsSpan(SampleStart(b), Dimension);
    public Span<T> ImagOf(int b) => Imag.AsSpan(SampleStart(b), Dimension);

    private int SampleStart(int b)
    {
        if ((uint)b >= (uint)BatchSize)
            throw new ArgumentOutOfRangeException(nameof(b), b, $"sample index {b} is out of range; expected 0 to {BatchSize - 1}.");
        return b * Dimension;
    }

    /// <summary>Sets every sample to the computational basis state |index⟩.</summary>
    public void SetBasisState(int index)
    {
        if ((uint)index >= (uint)Dimension)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"basis index {index} is out of range; expected 0 to {Dimension - 1}.");
        Array.Clear(Real);
        Array.Clear(Imag);
        for (int b = 0; b < BatchSize; b++) Real[b * Dimension + index] = T.One;
    }

    /// <summary>Sets every amplitude of every sample to zero (useful for adjoint buffers).</summary>
    public void Clear()
    {
        Array.Clear(Real);
        Array.Clear(Imag);
    }

    public StateBatch<T> Clone()
    {
        var copy = new StateBatch<T>(QubitCount, BatchSize);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Copies all amplitudes from a batch of the same qubit count and batch size.</summary>
    public void CopyFrom(StateBatch<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.QubitCount != QubitCount || source.BatchSize != BatchSize)
            throw new ArgumentException($"source has {source.QubitCount} qubits × batch {source.BatchSize}; expected {QubitCount} qubits × batch {BatchSize}.", nameof(source));
        source.Real.AsSpan().CopyTo(Real);
        source.Imag.AsSpan().CopyTo(Imag);
    }
}
