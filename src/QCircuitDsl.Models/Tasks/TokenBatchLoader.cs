using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>Padded token sequences [B, T] (int64), their mask [B, T] (1 = token), labels [B], and which examples they are.</summary>
public sealed record TokenBatch(Tensor Tokens, Tensor Mask, Tensor Labels, int[] Indices);

/// <summary>
/// Mini-batches of labelled token sequences, each padded to its own longest sequence (not to the task's maximum),
/// shuffled per epoch by <see cref="DeterministicShuffle"/> when a seed is given, so any epoch can be regenerated on resume.
/// </summary>
public sealed class TokenBatchLoader : IDataLoader<TokenBatch>
{
    private readonly IReadOnlyList<int[]> _sequences;
    private readonly int[] _labels;
    private readonly int _batchSize;
    private readonly ulong? _seed;

    public TokenBatchLoader(IReadOnlyList<int[]> sequences, int[] labels, int batchSize, ulong? seed = null)
    {
        if (sequences.Count != labels.Length)
        {
            throw new ArgumentException($"{sequences.Count} sequences but {labels.Length} labels.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _sequences = sequences;
        _labels = labels;
        _batchSize = batchSize;
        _seed = seed;
    }

    public int BatchCount => (_sequences.Count + _batchSize - 1) / _batchSize;

    public IEnumerable<TokenBatch> GetBatches(int epoch, int start = 0)
    {
        foreach (var indices in DeterministicShuffle.BatchIndices(_sequences.Count, _batchSize, _seed, epoch).Skip(start))
        {
            var padded = SequenceBatcher.Pad(indices.Select(i => _sequences[i]).ToArray(), sourceIndices: indices);
            yield return new TokenBatch(
                Torch.Tensor(padded.Ids.Select(id => (long)id).ToArray(), padded.BatchSize, padded.MaxLength),
                Torch.Tensor(padded.Mask, padded.BatchSize, padded.MaxLength),
                Torch.Tensor(indices.Select(i => (long)_labels[i]).ToArray(), indices.Length),
                indices);
        }
    }
}
