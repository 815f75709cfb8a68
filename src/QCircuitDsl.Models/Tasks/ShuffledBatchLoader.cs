using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// Mini-batches over <c>count</c> examples, shuffled per epoch by <see cref="DeterministicShuffle"/> when a seed is given,
/// so any epoch (and any batch within it) can be regenerated on resume; subclasses turn a batch's example indices into tensors.
/// </summary>
public abstract class ShuffledBatchLoader<TBatch> : IDataLoader<TBatch>
{
    private readonly int _count;
    private readonly int _batchSize;
    private readonly ulong? _seed;

    protected ShuffledBatchLoader(int count, int batchSize, ulong? seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _count = count;
        _batchSize = batchSize;
        _seed = seed;
    }

    public int BatchCount => (_count + _batchSize - 1) / _batchSize;

    public IEnumerable<TBatch> GetBatches(int epoch, int start = 0) =>
        DeterministicShuffle.BatchIndices(_count, _batchSize, _seed, epoch).Skip(start).Select(MakeBatch);

    /// <summary>The batch holding examples <paramref name="indices"/>, in that order.</summary>
    protected abstract TBatch MakeBatch(int[] indices);

    /// <summary>A padded batch's ids as an int64 tensor [B, T].</summary>
    protected static Tensor Ids(PaddedBatch b) => Torch.Tensor(b.Ids.Select(id => (long)id).ToArray(), b.BatchSize, b.MaxLength);

    /// <summary>A padded batch's mask (1 = token) as a tensor [B, T].</summary>
    protected static Tensor Mask(PaddedBatch b) => Torch.Tensor(b.Mask, b.BatchSize, b.MaxLength);
}
