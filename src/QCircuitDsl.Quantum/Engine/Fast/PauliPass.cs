using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// ⟨X_q⟩, ⟨Y_q⟩, ⟨Z_q⟩ of every qubit in one pass over a sample, and their vector-Jacobian product in one pass.
/// Qubits whose bit lies inside a vector (mask &lt; width) pair lanes through an in-register permutation; the others
/// pair whole vectors. Z needs only |ψ_i|², computed once per vector; for in-vector qubits the per-lane sums are
/// kept and signed at the end. Partial sums are kept in T and flushed to double every <see cref="Simd.FlushBlocks"/> vectors.
/// </summary>
internal static class PauliPass
{
    private static readonly Vector512<byte>[] Perm32 = Permutations(16), Perm64 = Permutations(8);

    private static Vector512<byte>[] Permutations(int width)
    {
        var result = new Vector512<byte>[BitOperations.Log2((uint)width)];
        for (int j = 0; j < result.Length; j++) result[j] = new LaneSet(width, 1 << j, 0).Perm;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte>[] Perms<T>() => typeof(T) == typeof(float) ? Perm32 : Perm64;

    /// <summary>Writes x[q], y[q], z[q] for every qubit q (x and y only when <paramref name="withXY"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expectations<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, int n, bool withXY, Span<double> x, Span<double> y, Span<double> z)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector512<T>.Count, wbits = BitOperations.Log2((uint)w), high = n - wbits, len = re.Length;
        var perms = Perms<T>();
        Span<Vector512<T>> acc = stackalloc Vector512<T>[1 + 2 * wbits + 3 * high];
        acc.Clear();
        Span<double> laneSums = stackalloc double[(1 + 2 * wbits) * w];
        laneSums.Clear();
        Span<double> highSums = stackalloc double[3 * high];
        highSums.Clear();
        ref T r = ref MemoryMarshal.GetReference(re);
        ref T q = ref MemoryMarshal.GetReference(im);
        int sinceFlush = 0;
        for (int b = 0; b < len; b += w)
        {
            var vr = Vector512.LoadUnsafe(ref r, (nuint)b);
            var vi = Vector512.LoadUnsafe(ref q, (nuint)b);
            var p2 = Simd.Fma(vi, vi, vr * vr);
            acc[0] += p2;
            for (int h = 0; h < high; h++)
            {
                int m = w << h;
                int a = 1 + 2 * wbits + 3 * h;
                if ((b & m) != 0) { acc[a + 2] -= p2; continue; }
                acc[a + 2] += p2;
                if (!withXY) continue;
                var v1r = Vector512.LoadUnsafe(ref r, (nuint)(b + m));
                var v1i = Vector512.LoadUnsafe(ref q, (nuint)(b + m));
                acc[a] = Simd.Fma(vi, v1i, Simd.Fma(vr, v1r, acc[a]));
                acc[a + 1] = Simd.Fnma(vi, v1r, Simd.Fma(vr, v1i, acc[a + 1]));
            }
            if (withXY)
            {
                for (int j = 0; j < wbits; j++)
                {
                    var pr = Simd.Permute(vr, perms[j]);
                    var pi = Simd.Permute(vi, perms[j]);
                    acc[1 + 2 * j] = Simd.Fma(vi, pi, Simd.Fma(vr, pr, acc[1 + 2 * j]));
                    acc[2 + 2 * j] = Simd.Fnma(vi, pr, Simd.Fma(vr, pi, acc[2 + 2 * j]));
                }
            }
            if (++sinceFlush == Simd.FlushBlocks || b + w >= len)
            {
                sinceFlush = 0;
                for (int k = 0; k < 1 + 2 * wbits; k++) Simd.FlushLanes(acc[k], laneSums.Slice(k * w, w));
                for (int k = 0; k < 3 * high; k++) highSums[k] += Simd.SumToDouble(acc[1 + 2 * wbits + k]);
                acc.Clear();
            }
        }
        for (int h = 0; h < high; h++)
        {
            int qubit = n - 1 - (wbits + h);
            x[qubit] = 2 * highSums[3 * h];
            y[qubit] = 2 * highSums[3 * h + 1];
            z[qubit] = highSums[3 * h + 2];
        }
        for (int j = 0; j < wbits; j++)
        {
            int qubit = n - 1 - j, m = 1 << j;
            double zs = 0, xs = 0, ys = 0;
            for (int l = 0; l < w; l++)
            {
                double sign = (l & m) != 0 ? -1 : 1;
                zs += sign * laneSums[l];
                xs += laneSums[(1 + 2 * j) * w + l];
                ys += sign * laneSums[(2 + 2 * j) * w + l];
            }
            z[qubit] = zs;
            x[qubit] = xs;
            y[qubit] = ys;
        }
    }

    /// <summary>
    /// Overwrites g with Σ_q 2·(u^x_q X_q + u^y_q Y_q + u^z_q Z_q)ψ, using (Zψ)_i = s_q(i)ψ_i and
    /// ((u^x X + u^y Y)ψ)_i = (u^x + i·u^y·σ_q(i))ψ_{i⊕m} with σ = +1 where the qubit's bit is 1, −1 where it is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, int n, ReadOnlySpan<double> ux, ReadOnlySpan<double> uy, ReadOnlySpan<double> uz,
        Span<T> gre, Span<T> gim) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector512<T>.Count, wbits = BitOperations.Log2((uint)w), high = n - wbits, len = re.Length;
        var perms = Perms<T>();
        bool withXY = false;
        for (int k = 0; k < n; k++) withXY |= ux[k] != 0 || uy[k] != 0;
        // Lane-dependent parts from the in-vector qubits.
        Span<T> lane = stackalloc T[w];
        for (int l = 0; l < w; l++)
        {
            double s = 0;
            for (int j = 0; j < wbits; j++) s += ((l >> j) & 1) != 0 ? -2 * uz[n - 1 - j] : 2 * uz[n - 1 - j];
            lane[l] = T.CreateTruncating(s);
        }
        var zLow = Vector512.Create<T>(lane);
        Span<Vector512<T>> cr = stackalloc Vector512<T>[wbits];
        Span<Vector512<T>> ci = stackalloc Vector512<T>[wbits];
        for (int j = 0; j < wbits; j++)
        {
            int qubit = n - 1 - j;
            for (int l = 0; l < w; l++) lane[l] = T.CreateTruncating(((l >> j) & 1) != 0 ? 2 * uy[qubit] : -2 * uy[qubit]);
            ci[j] = Vector512.Create<T>(lane);
            cr[j] = Vector512.Create(T.CreateTruncating(2 * ux[qubit]));
        }
        ref T r = ref MemoryMarshal.GetReference(re);
        ref T q = ref MemoryMarshal.GetReference(im);
        ref T gr = ref MemoryMarshal.GetReference(gre);
        ref T gq = ref MemoryMarshal.GetReference(gim);
        for (int b = 0; b < len; b += w)
        {
            double zs = 0;
            for (int h = 0; h < high; h++) zs += (b & (w << h)) != 0 ? -2 * uz[n - 1 - wbits - h] : 2 * uz[n - 1 - wbits - h];
            var wz = zLow + Vector512.Create(T.CreateTruncating(zs));
            var vr = Vector512.LoadUnsafe(ref r, (nuint)b);
            var vi = Vector512.LoadUnsafe(ref q, (nuint)b);
            var outR = wz * vr;
            var outI = wz * vi;
            if (withXY)
            {
                for (int h = 0; h < high; h++)
                {
                    int m = w << h, qubit = n - 1 - wbits - h;
                    var pr = Vector512.LoadUnsafe(ref r, (nuint)(b ^ m));
                    var pi = Vector512.LoadUnsafe(ref q, (nuint)(b ^ m));
                    var xr = Vector512.Create(T.CreateTruncating(2 * ux[qubit]));
                    var yi = Vector512.Create(T.CreateTruncating((b & m) != 0 ? 2 * uy[qubit] : -2 * uy[qubit]));
                    outR = Simd.Fnma(yi, pi, Simd.Fma(xr, pr, outR));
                    outI = Simd.Fma(yi, pr, Simd.Fma(xr, pi, outI));
                }
                for (int j = 0; j < wbits; j++)
                {
                    var pr = Simd.Permute(vr, perms[j]);
                    var pi = Simd.Permute(vi, perms[j]);
                    outR = Simd.Fnma(ci[j], pi, Simd.Fma(cr[j], pr, outR));
                    outI = Simd.Fma(ci[j], pr, Simd.Fma(cr[j], pi, outI));
                }
            }
            outR.StoreUnsafe(ref gr, (nuint)b);
            outI.StoreUnsafe(ref gq, (nuint)b);
        }
    }
}
