using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tasks;

/// <summary>Padded token sequences [B, T] (int64), their mask [B, T] (1 = token), labels [B], and which examples they are.</summary>
public sealed record TokenBatch(Tensor Tokens, Tensor Mask, Tensor Labels, int[] Indices);

/// <summary>
/// Mini-batches of labelled token sequences, each padded to its own longest sequence (not to the task's maximum),
/// shuffled per epoch when a seed is given (see <see cref="ShuffledBatchLoader{TBatch}"/>).
/// </summary>
public sealed class TokenBatchLoader : ShuffledBatchLoader<TokenBatch>
{
    private readonly IReadOnlyList<int[]> _sequences;
    private readonly int[] _labels;

    public TokenBatchLoader(IReadOnlyList<int[]> sequences, int[] labels, int batchSize, ulong? seed = null)
        : base(sequences.Count, batchSize, seed)
    {
        if (sequences.Count != labels.Length)
        {
            throw new ArgumentException($"{sequences.Count} sequences but {labels.Length} labels.", nameof(labels));
        }

        _sequences = sequences;
        _labels = labels;
    }

    protected override TokenBatch MakeBatch(int[] indices)
    {
        var padded = SequenceBatcher.Pad(indices.Select(i => _sequences[i]).ToArray(), sourceIndices: indices);
        return new TokenBatch(Ids(padded), Mask(padded), Torch.Tensor(indices.Select(i => (long)_labels[i]).ToArray(), indices.Length), indices);
    }
}
