using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// The structure a 2×2 matrix is known (at plan time) to have. Each form does only the arithmetic its structure
/// needs; kernels are generic over the form so the JIT emits one specialised loop per form.
/// </summary>
internal enum FormKind { General, Real, PauliX, Diagonal, Swap }

internal interface IMatrixForm
{
    /// <summary>False for diagonal matrices: the partner amplitude is never read.</summary>
    static abstract bool NeedsPartner { get; }

    static abstract void Combine<T>(in Coef<T> c, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        out Vector512<T> or, out Vector512<T> oi) where T : unmanaged;
}

/// <summary>Any complex matrix: 8 FMAs per amplitude.</summary>
internal struct GeneralForm : IMatrixForm
{
    public static bool NeedsPartner => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Combine<T>(in Coef<T> c, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        out Vector512<T> or, out Vector512<T> oi) where T : unmanaged
    {
        or = Simd.Fnma(c.Bi, pi, Simd.Fma(c.Br, pr, Simd.Fnma(c.Ai, vi, c.Ar * vr)));
        oi = Simd.Fma(c.Bi, pr, Simd.Fma(c.Br, pi, Simd.Fma(c.Ai, vr, c.Ar * vi)));
    }
}

/// <summary>Real matrices (ry, h, products of them): 4 FMAs per amplitude.</summary>
internal struct RealForm : IMatrixForm
{
    public static bool NeedsPartner => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Combine<T>(in Coef<T> c, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        out Vector512<T> or, out Vector512<T> oi) where T : unmanaged
    {
        or = Simd.Fma(c.Br, pr, c.Ar * vr);
        oi = Simd.Fma(c.Br, pi, c.Ar * vi);
    }
}

/// <summary>a·1 + i·b·X with real a, b (rx, crx and their derivatives): real diagonal, imaginary off-diagonal.</summary>
internal struct PauliXForm : IMatrixForm
{
    public static bool NeedsPartner => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Combine<T>(in Coef<T> c, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        out Vector512<T> or, out Vector512<T> oi) where T : unmanaged
    {
        or = Simd.Fnma(c.Bi, pi, c.Ar * vr);
        oi = Simd.Fma(c.Bi, pr, c.Ar * vi);
    }
}

/// <summary>Diagonal matrices (rz, p, s, t, z and controlled versions): one complex multiply, no partner.</summary>
internal struct DiagonalForm : IMatrixForm
{
    public static bool NeedsPartner => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Combine<T>(in Coef<T> c, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        out Vector512<T> or, out Vector512<T> oi) where T : unmanaged
    {
        or = Simd.Fnma(c.Ai, vi, c.Ar * vr);
        oi = Simd.Fma(c.Ai, vr, c.Ar * vi);
    }
}

/// <summary>Permutation (x, cx): lanes whose B coefficient is 1 take the partner, the rest keep their value.</summary>
internal struct SwapForm : IMatrixForm
{
    public static bool NeedsPartner => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Combine<T>(in Coef<T> c, Vector512<T> vr, Vector512<T> vi, Vector512<T> pr, Vector512<T> pi,
        out Vector512<T> or, out Vector512<T> oi) where T : unmanaged
    {
        var take = Vector512.Equals(c.Br, Vector512<T>.One);
        or = Vector512.ConditionalSelect(take, pr, vr);
        oi = Vector512.ConditionalSelect(take, pi, vi);
    }
}
