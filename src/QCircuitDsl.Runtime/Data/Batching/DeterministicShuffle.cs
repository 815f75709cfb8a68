namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Reproducible example orderings. Epoch e of a run seeded s uses the permutation produced by Fisher–Yates
/// (<see cref="SplitMix64.Shuffle{T}"/>) over 0..n−1 with generator seed <see cref="SplitMix64.DeriveSeed"/>(s, e),
/// so a resumed run can regenerate any epoch's order without replaying the earlier ones.
/// </summary>
public static class DeterministicShuffle
{
    /// <summary>A permutation of 0..<paramref name="count"/>−1 for <paramref name="epoch"/> of a run seeded <paramref name="seed"/>.</summary>
    public static int[] Permutation(int count, ulong seed, int epoch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        new SplitMix64(SplitMix64.DeriveSeed(seed, (ulong)epoch)).Shuffle(order.AsSpan());
        return order;
    }

    /// <summary>A shuffled copy of <paramref name="items"/> in the order given by <see cref="Permutation"/>.</summary>
    public static T[] Shuffle<T>(IReadOnlyList<T> items, ulong seed, int epoch = 0)
    {
        int[] order = Permutation(items.Count, seed, epoch);
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++)
            result[i] = items[order[i]];
        return result;
    }

    /// <summary>
    /// Splits 0..count−1 into consecutive mini-batches of indices (shuffled when <paramref name="seed"/> is given).
    /// The last batch is shorter unless <paramref name="dropLast"/> drops it.
    /// </summary>
    public static IEnumerable<int[]> BatchIndices(int count, int batchSize, ulong? seed, int epoch = 0, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        int[] order = seed is ulong s ? Permutation(count, s, epoch) : Enumerable.Range(0, count).ToArray();
        for (int start = 0; start < count; start += batchSize)
        {
            int size = Math.Min(batchSize, count - start);
            if (size < batchSize && dropLast)
                yield break;
            yield return order.AsSpan(start, size).ToArray();
        }
    }
}
