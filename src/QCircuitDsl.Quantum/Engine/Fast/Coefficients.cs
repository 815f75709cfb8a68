using System.Numerics;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>out = A⊙v + B⊙partner, lane-wise complex (split re/im).</summary>
internal struct Coef<T> where T : unmanaged
{
    public Vector512<T> Ar, Ai, Br, Bi;
}

/// <summary>
/// A 2×2 matrix in "lane-coefficient" form. Target stride below the vector width: one vector holds both members
/// of each pair, so out = Lo.A⊙v + Lo.B⊙permute(v). Stride at or above the width: pairs are two vectors v0, v1 and
/// out0 = Lo.A⊙v0 + Lo.B⊙v1, out1 = Hi.A⊙v1 + Hi.B⊙v0. Lanes failing the in-vector controls get the identity
/// (or zero, for derivative operators that vanish outside the controlled subspace).
/// </summary>
internal struct GateCoef<T> where T : unmanaged
{
    public Coef<T> Lo, Hi;

    public static GateCoef<T> Build(LaneSet lanes, ReadOnlySpan<Complex> m, bool identityOutside)
    {
        var c = new GateCoef<T>();
        Build(lanes, m, identityOutside, ref c);
        return c;
    }

    public static void Build(LaneSet lanes, ReadOnlySpan<Complex> m, bool identityOutside, ref GateCoef<T> c)
    {
        if (typeof(T) == typeof(float)) BuildTyped(lanes, m, identityOutside, ref System.Runtime.CompilerServices.Unsafe.As<GateCoef<T>, GateCoef<float>>(ref c));
        else BuildTyped(lanes, m, identityOutside, ref System.Runtime.CompilerServices.Unsafe.As<GateCoef<T>, GateCoef<double>>(ref c));
    }

    private static void BuildTyped<U>(LaneSet lanes, ReadOnlySpan<Complex> m, bool identityOutside, ref GateCoef<U> c)
        where U : unmanaged, IFloatingPointIeee754<U>
    {
        Span<U> re = stackalloc U[4], imag = stackalloc U[4];
        for (int k = 0; k < 4; k++) { re[k] = U.CreateTruncating(m[k].Real); imag[k] = U.CreateTruncating(m[k].Imaginary); }
        var one = identityOutside ? Vector512<U>.One : Vector512<U>.Zero;
        var zero = Vector512<U>.Zero;
        var ok = lanes.Ok;
        if (lanes.TargetLow)
        {
            var bit = lanes.Bit;
            c.Lo.Ar = Vector512.ConditionalSelect(ok.As<byte, U>(), Simd.Select(bit, re[3], Vector512.Create(re[0])), one);
            c.Lo.Ai = Vector512.ConditionalSelect(ok.As<byte, U>(), Simd.Select(bit, imag[3], Vector512.Create(imag[0])), zero);
            c.Lo.Br = Vector512.ConditionalSelect(ok.As<byte, U>(), Simd.Select(bit, re[2], Vector512.Create(re[1])), zero);
            c.Lo.Bi = Vector512.ConditionalSelect(ok.As<byte, U>(), Simd.Select(bit, imag[2], Vector512.Create(imag[1])), zero);
            c.Hi = c.Lo;
        }
        else
        {
            c.Lo.Ar = Simd.Select(ok, re[0], one); c.Lo.Ai = Simd.Select(ok, imag[0], zero);
            c.Lo.Br = Simd.Select(ok, re[1], zero); c.Lo.Bi = Simd.Select(ok, imag[1], zero);
            c.Hi.Ar = Simd.Select(ok, re[3], one); c.Hi.Ai = Simd.Select(ok, imag[3], zero);
            c.Hi.Br = Simd.Select(ok, re[2], zero); c.Hi.Bi = Simd.Select(ok, imag[2], zero);
        }
    }
}

/// <summary>
/// Coefficients for the forms that read two real numbers per row (real: A, B; a·1+ibX: A, Bi; diagonal: A, Ai),
/// built straight from those numbers: half the vectors of <see cref="GateCoef{T}.Build(LaneSet, ReadOnlySpan{Complex}, bool)"/>
/// and no <see cref="Complex"/> matrix. Row 0 (target bit clear) gets (x0, y0), row 1 gets (x1, y1); lanes outside
/// the in-vector controls get x = 1 (or 0 when not <paramref name="identityOutside"/>), y = 0.
/// </summary>
internal static class PairCoefficients
{
    public static GateCoef<T> Build<T>(LaneSet lanes, FormKind form, double x0, double y0, double x1, double y1, bool identityOutside)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var outside = identityOutside ? Vector512<T>.One : Vector512<T>.Zero;
        var ok = lanes.Ok.As<byte, T>();
        Vector512<T> vx0 = Vector512.Create(T.CreateTruncating(x0)), vy0 = Vector512.Create(T.CreateTruncating(y0));
        Vector512<T> vx1 = Vector512.Create(T.CreateTruncating(x1)), vy1 = Vector512.Create(T.CreateTruncating(y1));
        Vector512<T> loX, loY, hiX, hiY;
        if (lanes.TargetLow)
        {
            var bit = lanes.Bit.As<byte, T>();
            loX = hiX = Vector512.ConditionalSelect(ok, Vector512.ConditionalSelect(bit, vx1, vx0), outside);
            loY = hiY = Vector512.ConditionalSelect(ok, Vector512.ConditionalSelect(bit, vy1, vy0), Vector512<T>.Zero);
        }
        else
        {
            loX = Vector512.ConditionalSelect(ok, vx0, outside);
            loY = Vector512.ConditionalSelect(ok, vy0, Vector512<T>.Zero);
            hiX = Vector512.ConditionalSelect(ok, vx1, outside);
            hiY = Vector512.ConditionalSelect(ok, vy1, Vector512<T>.Zero);
        }
        var c = new GateCoef<T>();
        c.Lo.Ar = loX;
        c.Hi.Ar = hiX;
        switch (form)
        {
            case FormKind.Real: c.Lo.Br = loY; c.Hi.Br = hiY; break;
            case FormKind.PauliX: c.Lo.Bi = loY; c.Hi.Bi = hiY; break;
            case FormKind.Diagonal: c.Lo.Ai = loY; c.Hi.Ai = hiY; break;
            default: throw new ArgumentOutOfRangeException(nameof(form), form, "pair coefficients exist for the real, a·1+ibX and diagonal forms.");
        }
        return c;
    }
}
