namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Variable-length id sequences right-padded to a common length, batch-first: element [b, t] is at b·MaxLength + t.
/// <see cref="Mask"/> is 1 on real tokens and 0 on padding (float so it can multiply a per-token loss directly).
/// </summary>
public sealed record PaddedBatch(int BatchSize, int MaxLength, int[] Ids, int[] Lengths, float[] Mask, int[] SourceIndices)
{
    public ReadOnlySpan<int> Row(int b) => Ids.AsSpan(b * MaxLength, MaxLength);

    /// <summary>Number of real (non-padding) tokens, the usual loss normaliser.</summary>
    public int TokenCount => Lengths.Sum();
}

/// <summary>Pads and batches id sequences for RNN/attention models.</summary>
public static class SequenceBatcher
{
    /// <summary>
    /// Pads <paramref name="sequences"/> with <paramref name="padId"/> to the longest one (or truncates to
    /// <paramref name="maxLength"/> when given; lengths then report the truncated length).
    /// </summary>
    public static PaddedBatch Pad(IReadOnlyList<int[]> sequences, int padId = Vocabulary.PadId, int? maxLength = null, int[]? sourceIndices = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (maxLength is int cap)
            ArgumentOutOfRangeException.ThrowIfNegative(cap, nameof(maxLength));
        int batch = sequences.Count;
        var lengths = new int[batch];
        int width = 0;
        for (int b = 0; b < batch; b++)
        {
            lengths[b] = Math.Min(sequences[b].Length, maxLength ?? int.MaxValue);
            width = Math.Max(width, lengths[b]);
        }

        var ids = new int[batch * width];
        var mask = new float[batch * width];
        Array.Fill(ids, padId);
        for (int b = 0; b < batch; b++)
        {
            sequences[b].AsSpan(0, lengths[b]).CopyTo(ids.AsSpan(b * width));
            mask.AsSpan(b * width, lengths[b]).Fill(1f);
        }
        return new PaddedBatch(batch, width, ids, lengths, mask, sourceIndices ?? Enumerable.Range(0, batch).ToArray());
    }
}
