namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Fixed-seed pixel permutations for permuted MNIST (pMNIST, Le et al. 2015).
/// <para>Algorithm (stable across .NET versions and platforms): start from the identity [0, 1, …, n−1],
/// seed a <see cref="SplitMix64"/> with <c>seed</c>, and run Fisher–Yates from the end:
/// for i = n−1 down to 1, j = <see cref="SplitMix64.NextInt"/>(i + 1), swap p[i] and p[j].
/// The result is used as "pixel t of the permuted image is pixel p[t] of the original".</para>
/// </summary>
public static class PixelPermutation
{
    /// <summary>The seed used when none is given, so "pMNIST" means one fixed task across runs.</summary>
    public const ulong DefaultSeed = 0x704D4E495354UL; // "pMNIST" in ASCII

    public static int[] Create(int length, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var p = new int[length];
        for (int i = 0; i < length; i++)
            p[i] = i;
        new SplitMix64(seed).Shuffle(p.AsSpan());
        return p;
    }

    /// <summary>destination[t] = source[permutation[t]].</summary>
    public static void Apply<T>(ReadOnlySpan<int> permutation, ReadOnlySpan<T> source, Span<T> destination)
    {
        if (source.Length != permutation.Length || destination.Length != permutation.Length)
            throw new ArgumentException("permutation, source and destination must have the same length");
        for (int t = 0; t < permutation.Length; t++)
            destination[t] = source[permutation[t]];
    }

    /// <summary>The permutation q with q[p[t]] = t, which undoes <see cref="Apply{T}"/>.</summary>
    public static int[] Invert(ReadOnlySpan<int> permutation)
    {
        var inverse = new int[permutation.Length];
        for (int t = 0; t < permutation.Length; t++)
            inverse[permutation[t]] = t;
        return inverse;
    }

    /// <summary>True when <paramref name="candidate"/> contains each of 0..length−1 exactly once.</summary>
    public static bool IsPermutation(ReadOnlySpan<int> candidate, int length)
    {
        if (candidate.Length != length)
            return false;
        var seen = new bool[length];
        foreach (int v in candidate)
        {
            if ((uint)v >= (uint)length || seen[v])
                return false;
            seen[v] = true;
        }
        return true;
    }
}
