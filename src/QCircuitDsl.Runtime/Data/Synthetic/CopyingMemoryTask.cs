namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// The copying-memory task of Arjovsky, Shah &amp; Bengio (2016, "Unitary Evolution RNNs"), which measures how
/// long a recurrent model can hold information. For delay T, each sequence has length T + 20:
/// <code>
/// input : s1 … s10 | 0 × (T−1) | 9 | 0 × 10
/// target: 0 × (T+10)                | s1 … s10
/// </code>
/// where each s_i is drawn uniformly from {1, …, 8}, 0 is the blank and 9 the delimiter ("start copying").
/// Inputs and targets are class ids in a vocabulary of 10.
/// </summary>
public sealed class CopyingMemoryTask
{
    public const int Blank = 0;
    public const int Delimiter = 9;
    public const int FirstSymbol = 1;
    public const int SymbolCount = 8;
    public const int CopyLength = 10;
    public const int VocabularySize = 10;

    public CopyingMemoryTask(int delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, 1);
        Delay = delay;
    }

    /// <summary>T: blanks between the last symbol and the delimiter, plus one.</summary>
    public int Delay { get; }

    /// <summary>T + 20.</summary>
    public int SequenceLength => Delay + 2 * CopyLength;

    /// <summary>Index of the delimiter: T + 9.</summary>
    public int DelimiterPosition => CopyLength + Delay - 1;

    /// <summary>
    /// Cross-entropy (nats per time step) of the memoryless strategy: predict blank for the first T+10 steps
    /// (loss 0) and a uniform guess over the 8 symbols for the last 10 (ln 8 each): 10·ln(8)/(T+20).
    /// A model only learned the task if it gets below this.
    /// </summary>
    public double BaselineCrossEntropy => BaselineCrossEntropyFor(Delay);

    public static double BaselineCrossEntropyFor(int delay) => CopyLength * Math.Log(SymbolCount) / (delay + 2 * CopyLength);

    /// <summary><paramref name="count"/> sequences from a generator seeded with <paramref name="seed"/>.</summary>
    public CopyingMemoryBatch Generate(int count, ulong seed) => Generate(count, new SplitMix64(seed));

    /// <summary>
    /// <paramref name="count"/> sequences drawing from <paramref name="random"/>; call repeatedly with the same
    /// generator for a reproducible stream of fresh batches. Sequence b's symbols are the next 10 draws of
    /// <c>1 + NextInt(8)</c>, in order.
    /// </summary>
    public CopyingMemoryBatch Generate(int count, SplitMix64 random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        int length = SequenceLength;
        var inputs = new int[count * length];   // zero-initialised = blanks
        var targets = new int[count * length];
        for (int b = 0; b < count; b++)
        {
            int row = b * length;
            for (int i = 0; i < CopyLength; i++)
            {
                int symbol = FirstSymbol + random.NextInt(SymbolCount);
                inputs[row + i] = symbol;
                targets[row + length - CopyLength + i] = symbol;
            }
            inputs[row + DelimiterPosition] = Delimiter;
        }
        return new CopyingMemoryBatch(count, length, inputs, targets);
    }
}

/// <summary>Sequences of the copying task, batch-first: element [b, t] is at b·SequenceLength + t.</summary>
public sealed record CopyingMemoryBatch(int Count, int SequenceLength, int[] Inputs, int[] Targets)
{
    public ReadOnlySpan<int> InputRow(int b) => Inputs.AsSpan(b * SequenceLength, SequenceLength);
    public ReadOnlySpan<int> TargetRow(int b) => Targets.AsSpan(b * SequenceLength, SequenceLength);

    /// <summary>Inputs as one-hot float32 [Count, SequenceLength, 10], the usual RNN input encoding.</summary>
    public float[] InputsOneHot()
    {
        var oneHot = new float[Inputs.Length * CopyingMemoryTask.VocabularySize];
        for (int i = 0; i < Inputs.Length; i++)
            oneHot[i * CopyingMemoryTask.VocabularySize + Inputs[i]] = 1f;
        return oneHot;
    }
}
