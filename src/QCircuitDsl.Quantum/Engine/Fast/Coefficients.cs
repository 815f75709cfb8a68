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
