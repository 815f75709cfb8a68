namespace QCircuitDsl.Tooling.Analysis;

/// <summary>
/// Steele, Lea &amp; Flood's SplitMix64 generator. Written out here rather than using System.Random so
/// that a seed gives the same draws on every .NET version and platform: the analysis numbers in
/// docs/analysis.md must be reproducible bit for bit.
/// </summary>
public sealed class SplitMix64
{
    private const double TwoPi = 2 * Math.PI;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on [0, 1): the top 53 bits as a fraction, so every value is exactly representable.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [0, 2π), the parameter distribution of the protocol.</summary>
    public double NextAngle() => TwoPi * NextDouble();

    /// <summary>Fills <paramref name="values"/> with angles, in index order.</summary>
    public void FillAngles(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = NextAngle();
        }
    }
}
