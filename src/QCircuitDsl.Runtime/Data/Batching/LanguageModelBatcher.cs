namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// A token stream laid out as <see cref="BatchSize"/> parallel columns, time-major [Steps, BatchSize]:
/// element [t, b] is at t·BatchSize + b, and column b is the b-th contiguous slice of the stream.
/// </summary>
public sealed record BatchifiedStream(int Steps, int BatchSize, int[] Data)
{
    public int this[int t, int b] => Data[t * BatchSize + b];
}

/// <summary>One truncated-BPTT chunk, time-major [Length, BatchSize]; Target is Input shifted one step ahead.</summary>
public sealed record BpttChunk(int Start, int Length, int BatchSize, int[] Input, int[] Target);

/// <summary>
/// Language-model batching as in PyTorch's word_language_model example: <see cref="Batchify"/> trims the stream to a
/// multiple of B and cuts it into B contiguous columns, so the hidden state of column b can be carried from one chunk
/// to the next; <see cref="Chunks"/> then walks down the columns in steps of bptt.
/// </summary>
public static class LanguageModelBatcher
{
    /// <summary>Columns of ⌊n/B⌋ tokens each; the last n mod B tokens are dropped (they cannot fill a row).</summary>
    public static BatchifiedStream Batchify(ReadOnlySpan<int> tokens, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        int steps = tokens.Length / batchSize;
        var data = new int[steps * batchSize];
        for (int b = 0; b < batchSize; b++)
            for (int t = 0; t < steps; t++)
                data[t * batchSize + b] = tokens[b * steps + t];
        return new BatchifiedStream(steps, batchSize, data);
    }

    /// <summary>
    /// Chunks starting at i = 0, bptt, 2·bptt, … &lt; Steps−1, each of length min(bptt, Steps−1−i):
    /// Input = rows [i, i+len), Target = rows [i+1, i+1+len). Every token except the first of each column is a target exactly once.
    /// </summary>
    public static IEnumerable<BpttChunk> Chunks(BatchifiedStream stream, int bptt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bptt);
        int b = stream.BatchSize;
        for (int start = 0; start < stream.Steps - 1; start += bptt)
        {
            int length = Math.Min(bptt, stream.Steps - 1 - start);
            var input = stream.Data.AsSpan(start * b, length * b).ToArray();
            var target = stream.Data.AsSpan((start + 1) * b, length * b).ToArray();
            yield return new BpttChunk(start, length, b, input, target);
        }
    }
}
