using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// Mini-batches over in-memory tensors whose first dimension is the sample (torch's DataLoader over a TensorDataset).
/// With <c>shuffle</c>, epoch e uses <see cref="DeterministicShuffle.Permutation"/>(N, seed, e), so every epoch's order
/// can be regenerated on its own; without it, samples come in dataset order.
/// </summary>
public sealed class TensorDataLoader : IDataLoader<TensorBatch>
{
    private readonly ulong? _seed;

    public TensorDataLoader(Tensor inputs, Tensor targets, int batchSize, bool shuffle = false, ulong seed = 0, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (inputs.Dim == 0 || targets.Dim == 0 || inputs.Size(0) != targets.Size(0))
            throw new ArgumentException($"inputs [{string.Join(", ", inputs.Shape)}] and targets [{string.Join(", ", targets.Shape)}] must share their first (sample) dimension.");
        Inputs = inputs;
        Targets = targets;
        BatchSize = batchSize;
        DropLast = dropLast;
        _seed = shuffle ? seed : null;
    }

    public Tensor Inputs { get; }
    public Tensor Targets { get; }
    public int BatchSize { get; }
    public bool DropLast { get; }
    public int SampleCount => Inputs.Size(0);

    public int BatchCount => DropLast ? SampleCount / BatchSize : (SampleCount + BatchSize - 1) / BatchSize;

    public IEnumerable<TensorBatch> GetBatches(int epoch, int start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        foreach (var indices in DeterministicShuffle.BatchIndices(SampleCount, BatchSize, _seed, epoch, DropLast).Skip(start))
        {
            var index = Torch.Tensor(indices.Select(i => (long)i).ToArray());
            yield return new TensorBatch(Inputs.IndexSelect(0, index), Targets.IndexSelect(0, index), indices);
        }
    }
}
