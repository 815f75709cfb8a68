using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// A circuit used as recurrent memory: each sequence starts at |0…0⟩ and the state persists across
/// steps, never reset or measured destructively; the readouts do not disturb it.
/// </summary>
public sealed class QuantumMemory
{
    /// <summary>
    /// Default distance between state checkpoints. Uncomputing in float32 loses about 1e-7 relative
    /// per gate. Measured on the MNIST-shaped QRNN (10 qubits, T = 400, <c>qrnn --drift</c> in
    /// docs/benchmarks.md), the gradients' relative error against stored-state backpropagation is
    /// 2.5e-5 with no checkpoints, 6.9e-6 with one every 100 steps and 4.7e-6 with one every 25: every
    /// 100 steps keeps nearly all of the accuracy for a quarter of the states (each checkpoint is a whole
    /// state batch, 1.6 MiB at 10 qubits and batch 200 — the largest thing a long sequence keeps).
    /// </summary>
    public const int DefaultCheckpointInterval = 100;

    public QuantumMemory(QuantumCircuit circuit, int checkpointInterval = DefaultCheckpointInterval)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (checkpointInterval < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(checkpointInterval), checkpointInterval, "expected 0 (no checkpoints) or a positive number of steps.");
        }

        if (circuit.InputLength > 0)
        {
            throw new ArgumentException($"circuit '{circuit.Name}' encodes an input; a recurrent memory starts at |0…0⟩ and is driven by its angles only.", nameof(circuit));
        }

        Circuit = circuit;
        CheckpointInterval = checkpointInterval;
    }

    public QuantumCircuit Circuit { get; }
    public int CheckpointInterval { get; }

    /// <summary>Starts a sequence for a batch: every state at |0…0⟩.</summary>
    public QuantumSequence Begin(int batchSize, DType dtype = DType.Float32)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "expected at least one sequence in the batch.");
        }

        return new QuantumSequence(Circuit, batchSize, dtype, CheckpointInterval);
    }
}
