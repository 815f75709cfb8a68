using System.Numerics;

namespace QCircuitDsl.Runtime.Tensors;

/// <summary>
/// Seedable pseudo-random source (torch.Generator). Algorithm, fixed so results are reproducible across platforms:
/// <list type="bullet">
/// <item>state: xoshiro256** (Blackman &amp; Vigna), seeded by running SplitMix64 from the 64-bit seed;</item>
/// <item>uniform double in [0,1): top 53 bits of the next output times 2^-53; uniform float: top 24 bits times 2^-24;</item>
/// <item>normal: Box–Muller on pairs (u1 in (0,1], u2 in [0,1)): r = sqrt(-2 ln u1), values r·cos(2πu2) then r·sin(2πu2);
/// a fill of odd length discards the last sine.</item>
/// </list>
/// The numbers differ from PyTorch's (Mersenne Twister) but are identical for the same seed on every run and thread count.
/// </summary>
public sealed class Generator
{
    /// <summary>PyTorch's default CPU seed, used for a generator nobody seeded.</summary>
    public const long DefaultSeed = 67280421310721;

    private ulong _s0, _s1, _s2, _s3;

    public Generator(long seed = DefaultSeed) => ManualSeed(seed);

    public long InitialSeed { get; private set; }

    /// <summary>Re-seeds this generator and returns it (torch.Generator.manual_seed).</summary>
    public Generator ManualSeed(long seed)
    {
        InitialSeed = seed;
        var x = unchecked((ulong)seed);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        return this;
    }

    /// <summary>The full state, for checkpoints (torch.Generator.get_state).</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    public void SetState(ulong[] state)
    {
        if (state is not { Length: 4 }) throw new ArgumentException("generator state must have 4 words");
        if ((state[0] | state[1] | state[2] | state[3]) == 0) throw new ArgumentException("generator state must not be all zero");
        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, bound) without modulo bias (rejection sampling).</summary>
    public long NextInt64(long bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive");
        var b = (ulong)bound;
        var limit = ulong.MaxValue - ulong.MaxValue % b;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (long)(r % b);
    }

    /// <summary>One standard normal sample (the cosine half of a Box–Muller pair).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    internal void FillUniform(Span<float> data, double low, double high)
    {
        var width = high - low;
        for (var i = 0; i < data.Length; i++) data[i] = (float)(low + width * NextFloat());
    }

    internal void FillUniform(Span<double> data, double low, double high)
    {
        var width = high - low;
        for (var i = 0; i < data.Length; i++) data[i] = low + width * NextDouble();
    }

    internal void FillNormal(Span<double> data, double mean, double std)
    {
        for (var i = 0; i < data.Length; i += 2)
        {
            var u1 = 1.0 - NextDouble();
            var u2 = NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1));
            var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
            data[i] = mean + std * r * cos;
            if (i + 1 < data.Length) data[i + 1] = mean + std * r * sin;
        }
    }

    internal void FillNormal(Span<float> data, double mean, double std)
    {
        var tmp = new double[data.Length];
        FillNormal(tmp, mean, std);
        for (var i = 0; i < data.Length; i++) data[i] = (float)tmp[i];
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
