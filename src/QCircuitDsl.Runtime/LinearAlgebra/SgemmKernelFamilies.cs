using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>Which micro-kernel family Sgemm uses; chosen once from the hardware, overridable by tests.</summary>
internal enum SgemmKernelKind
{
    Scalar,
    Vector256,
    Vector512,
}

/// <summary>
/// A micro-kernel family: its register tile (Mr × Nr), narrow width and cache-block sizes, and kernels that
/// compute one TR.Rows × (Nr or Lanes) tile of C as kernel(kc, sliverOfA, packedB, c, ldc, alpha, beta).
/// The driver is generic over the family so every kernel call is direct. Block sizes depend only on the
/// family, never on the thread count, so the k-reduction order of every element is fixed.
/// </summary>
internal unsafe interface ISgemmKernels
{
    static abstract int Mr { get; }
    static abstract int Nr { get; }
    /// <summary>Width of the narrow kernel; a last B panel with at most this many columns is packed this wide.</summary>
    static abstract int Lanes { get; }
    /// <summary>Depth of a k block: the Nr-wide B micro-panel (Kc·Nr floats) should sit in about half of L1.</summary>
    static abstract int Kc { get; }
    /// <summary>Rows of A per block: the Mc × Kc block should sit in L2 and is swept once per B micro-panel.</summary>
    static abstract int Mc { get; }
    /// <summary>Columns of B packed at a time (Kc × Nc, meant for L2/L3).</summary>
    static abstract int Nc { get; }

    static abstract void Wide<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount;

    static abstract void Narrow<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount;
}

internal unsafe struct Avx512Kernels : ISgemmKernels
{
    public static int Mr => SgemmKernel512.Mr;
    public static int Nr => SgemmKernel512.Nr;
    public static int Lanes => SgemmKernel512.Lanes;
    // Kc·Nr·4 = 32 KiB of B micro-panel in the 48 KiB L1d; Mc·Kc·4 = 144 KiB of A in L2. A sweep of
    // Kc 128..320 × Mc 144..576 on the benchmark shapes moved results by less than run-to-run noise.
    public static int Kc => 256;
    public static int Mc => 144;
    public static int Nc => 4096;

    public static void Wide<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount => SgemmKernel512.Wide<TA, TR>(kc, a, b, c, ldc, alpha, beta);

    public static void Narrow<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount => SgemmKernel512.Narrow<TA, TR>(kc, a, b, c, ldc, alpha, beta);
}

internal unsafe struct Avx2Kernels : ISgemmKernels
{
    public static int Mr => SgemmKernel256.Mr;
    public static int Nr => SgemmKernel256.Nr;
    public static int Lanes => SgemmKernel256.Lanes;
    public static int Kc => 256;
    public static int Mc => 96;
    public static int Nc => 4096;

    public static void Wide<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount => SgemmKernel256.Wide<TA, TR>(kc, a, b, c, ldc, alpha, beta);

    public static void Narrow<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount => SgemmKernel256.Narrow<TA, TR>(kc, a, b, c, ldc, alpha, beta);
}

internal unsafe struct PortableKernels : ISgemmKernels
{
    public static int Mr => SgemmKernelScalar.Mr;
    public static int Nr => SgemmKernelScalar.Nr;
    public static int Lanes => SgemmKernelScalar.Nr;
    public static int Kc => 256;
    public static int Mc => 64;
    public static int Nc => 1024;

    public static void Wide<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount => SgemmKernelScalar.Kernel<TA, TR>(kc, a, b, c, ldc, alpha, beta);

    public static void Narrow<TA, TR>(int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount => SgemmKernelScalar.Kernel<TA, TR>(kc, a, b, c, ldc, alpha, beta);
}

/// <summary>Picks the family this machine runs natively.</summary>
internal static class SgemmKernelSelection
{
    public static SgemmKernelKind Best { get; } =
        Vector512.IsHardwareAccelerated ? SgemmKernelKind.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? SgemmKernelKind.Vector256
        : SgemmKernelKind.Scalar;

    /// <summary>(Mr, Nr) of a family, for partitioning C between threads.</summary>
    public static (int Mr, int Nr) TileOf(SgemmKernelKind kind) => kind switch
    {
        SgemmKernelKind.Vector512 => (Avx512Kernels.Mr, Avx512Kernels.Nr),
        SgemmKernelKind.Vector256 => (Avx2Kernels.Mr, Avx2Kernels.Nr),
        _ => (PortableKernels.Mr, PortableKernels.Nr),
    };
}
