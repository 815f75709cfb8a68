using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// Thin generic wrappers over AVX-512 so the kernels can be written once for float and double. The
/// <c>typeof(T)</c> tests are JIT-time constants, so each instantiation compiles to straight-line intrinsics.
/// </summary>
internal static class Simd
{
    /// <summary>The vector kernels need AVX-512F (vpermps/vpermpd for strides below the vector width).</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float)) return Avx512F.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Avx512F.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    /// <summary>c − a·b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fnma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float)) return Avx512F.FusedMultiplyAddNegated(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Avx512F.FusedMultiplyAddNegated(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return c - a * b;
    }

    /// <summary>Lane l of the result is lane index[l] of v (index holds int32 lanes for float, int64 for double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Permute<T>(Vector512<T> v, Vector512<byte> index)
    {
        if (typeof(T) == typeof(float)) return Avx512F.PermuteVar16x32(v.AsSingle(), index.AsInt32()).As<float, T>();
        return Avx512F.PermuteVar8x64(v.AsDouble(), index.AsInt64()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Select<T>(Vector512<byte> mask, T ifSet, Vector512<T> otherwise) where T : unmanaged, INumberBase<T> =>
        Vector512.ConditionalSelect(mask.As<byte, T>(), Vector512.Create(ifSet), otherwise);

    /// <summary>Adds the lanes of <paramref name="v"/> into <paramref name="lanes"/> in double (for periodic flushes of T accumulators).</summary>
    public static void FlushLanes<T>(Vector512<T> v, Span<double> lanes) where T : unmanaged, INumberBase<T>
    {
        for (int l = 0; l < Vector512<T>.Count; l++) lanes[l] += double.CreateTruncating(v.GetElement(l));
    }

    public static double SumToDouble<T>(Vector512<T> v) where T : unmanaged, INumberBase<T>
    {
        double s = 0;
        for (int l = 0; l < Vector512<T>.Count; l++) s += double.CreateTruncating(v.GetElement(l));
        return s;
    }

    /// <summary>
    /// T accumulators are flushed to double every this many vector blocks: float partial sums then carry at most
    /// 64 terms per lane (relative error ~64·2^-24), while the flush cost stays negligible.
    /// </summary>
    public const int FlushBlocks = 64;
}

/// <summary>
/// Per-op lane data for one vector width (16 float lanes or 8 double lanes): which lanes satisfy the controls
/// whose bits lie inside a vector, which lanes have the target bit set, and the in-register partner permutation
/// i → i ^ target used when the target stride is below the vector width.
/// </summary>
internal sealed class LaneSet
{
    public LaneSet(int width, int target, int control)
    {
        Width = width;
        Target = target;
        TargetLow = target < width;
        ControlHigh = control & ~(width - 1);
        int controlLow = control & (width - 1);
        if (width == 16)
        {
            Span<int> ok = stackalloc int[16], bit = stackalloc int[16], perm = stackalloc int[16];
            for (int l = 0; l < 16; l++)
            {
                ok[l] = (l & controlLow) == controlLow ? -1 : 0;
                bit[l] = (l & target) != 0 ? -1 : 0;
                perm[l] = TargetLow ? l ^ target : l;
            }
            Ok = Vector512.Create<int>(ok).AsByte(); Bit = Vector512.Create<int>(bit).AsByte(); Perm = Vector512.Create<int>(perm).AsByte();
        }
        else
        {
            Span<long> ok = stackalloc long[8], bit = stackalloc long[8], perm = stackalloc long[8];
            for (int l = 0; l < 8; l++)
            {
                ok[l] = (l & controlLow) == controlLow ? -1 : 0;
                bit[l] = (l & target) != 0 ? -1 : 0;
                perm[l] = TargetLow ? l ^ target : l;
            }
            Ok = Vector512.Create<long>(ok).AsByte(); Bit = Vector512.Create<long>(bit).AsByte(); Perm = Vector512.Create<long>(perm).AsByte();
        }
    }

    public int Width { get; }
    public int Target { get; }
    public bool TargetLow { get; }
    /// <summary>Control bits at or above the vector width: whole blocks are skipped unless all are set.</summary>
    public int ControlHigh { get; }
    public Vector512<byte> Ok { get; }
    public Vector512<byte> Bit { get; }
    public Vector512<byte> Perm { get; }
}

/// <summary>The float and double lane sets of one op (the plan is shared by both precisions).</summary>
internal sealed class Lanes(int target, int control)
{
    public LaneSet F32 { get; } = new(16, target, control);
    public LaneSet F64 { get; } = new(8, target, control);
    public int Target { get; } = target;
    public int Control { get; } = control;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneSet For<T>() => typeof(T) == typeof(float) ? F32 : F64;
}
