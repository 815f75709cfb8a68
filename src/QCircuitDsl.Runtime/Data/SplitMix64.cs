namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; constants from Vigna's reference <c>splitmix64.c</c>).
/// We use our own generator instead of <see cref="System.Random"/> because the latter's seeded
/// sequence is an implementation detail that has changed between .NET versions; data shuffles,
/// pMNIST permutations and synthetic tasks must be reproducible forever from their seed.
/// <para>Algorithm: <c>state += 0x9E3779B97F4A7C15; z = state; z = (z ^ z&gt;&gt;30) * 0xBF58476D1CE4E5B9;
/// z = (z ^ z&gt;&gt;27) * 0x94D049BB133111EB; return z ^ z&gt;&gt;31</c> (all arithmetic mod 2^64).</para>
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Next raw 64-bit output.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>The SplitMix64 finaliser; also used to derive independent seeds (see <see cref="DeriveSeed"/>).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A seed for sub-stream <paramref name="stream"/> of <paramref name="seed"/> (e.g. one per epoch),
    /// defined as <c>Mix(seed ^ Mix(stream + 0x9E3779B97F4A7C15))</c> so that neighbouring epochs get
    /// unrelated shuffles rather than shifted copies of one stream.
    /// </summary>
    public static ulong DeriveSeed(ulong seed, ulong stream) => Mix(seed ^ Mix(stream + 0x9E3779B97F4A7C15UL));

    /// <summary>
    /// Uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift with rejection
    /// (2019, "Fast Random Integer Generation in an Interval"), which is exactly unbiased.
    /// </summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong n = (ulong)bound;
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0UL - n) % n;
            while (low < threshold)
                high = Math.BigMul(NextUInt64(), n, out low);
        }
        return (int)high;
    }

    /// <summary>Uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>In-place Fisher–Yates: for i = n−1 down to 1, swap items[i] with items[NextInt(i+1)].</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
