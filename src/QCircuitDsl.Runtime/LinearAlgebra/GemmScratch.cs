using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// Per-thread packing buffers. They live on the pinned object heap so a raw pointer stays valid, are kept
/// per thread so concurrent Sgemm calls never share them, and grow but never shrink.
/// </summary>
internal static unsafe class GemmScratch
{
    [ThreadStatic] private static float[]? t_packA;
    [ThreadStatic] private static float[]? t_packB;

    public static float* PackA(int length) => Aligned(ref t_packA, length);

    public static float* PackB(int length) => Aligned(ref t_packB, length);

    // 64-byte alignment makes each packed-panel vector load a single cache line.
    private static float* Aligned(ref float[]? buffer, int length)
    {
        const int slack = 16;
        if (buffer is null || buffer.Length < length + slack)
        {
            buffer = GC.AllocateUninitializedArray<float>(length + slack, pinned: true);
        }
        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((start + 63) & ~(nint)63);
    }
}
