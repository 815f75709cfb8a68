using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// The input-dropout masks of a whole sequence, one bit per input element and step, so the backward pass
/// can drop exactly what the forward pass dropped (B·F/8 bytes per step instead of a tensor per step).
/// Bits are drawn exactly as <c>Functional.Dropout</c> draws them — one uniform per element, row-major
/// over each step's [B, F] slice, kept when below 1 − p — so a sequence sees the same masks as the
/// step-by-step cell with the same generator.
/// </summary>
internal sealed class InputDropoutMasks
{
    private readonly ulong[] _bits;
    private readonly int _perStep;

    public InputDropoutMasks(int steps, int batch, int features, double probability)
    {
        _perStep = batch * features;
        _bits = new ulong[((long)steps * _perStep + 63) / 64];
        Keep = 1 - probability;
        Scale = 1 / Keep;
    }

    public double Keep { get; }
    /// <summary>1 / (1 − p): what kept elements are multiplied by (inverted dropout).</summary>
    public double Scale { get; }

    /// <summary>Draws step <paramref name="step"/>'s (0-based) mask from <paramref name="generator"/>.</summary>
    public void Draw(int step, Generator generator)
    {
        long start = (long)step * _perStep;
        for (int i = 0; i < _perStep; i++)
        {
            if (generator.NextDouble() < Keep)
            {
                long bit = start + i;
                _bits[bit >> 6] |= 1UL << (int)(bit & 63);
            }
        }
    }

    /// <summary>Whether element <paramref name="index"/> (row-major in [B, F]) of step <paramref name="step"/> is kept.</summary>
    public bool IsKept(int step, int index)
    {
        long bit = (long)step * _perStep + index;
        return (_bits[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    /// <summary>
    /// What element <paramref name="index"/> of step <paramref name="step"/> is multiplied by: <see cref="Scale"/>
    /// when kept, else 0 — as <c>Functional.Dropout</c> multiplies, forward and backward alike.
    /// </summary>
    public T Factor<T>(int step, int index) where T : System.Numerics.IFloatingPointIeee754<T> =>
        IsKept(step, index) ? T.CreateTruncating(Scale) : T.Zero;
}
