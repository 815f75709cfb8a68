using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// Readouts made only of single-qubit expectations (any axes, any qubits) and probabilities of all qubits in
/// order, computed with one <see cref="PauliPass"/> per sample instead of one pass per value. Other readout
/// kinds keep the straightforward kernels (<see cref="IsApplicable"/> is false then).
/// </summary>
internal sealed class FastReadout
{
    private readonly (int Offset, int Qubit, char Axis)[] _values;
    private readonly int[] _probabilityOffsets;
    private readonly int _n;
    private readonly bool _withXY;

    public FastReadout(CircuitProgram program)
    {
        _n = program.QubitCount;
        var values = new List<(int, int, char)>();
        var probs = new List<int>();
        int offset = 0;
        IsApplicable = true;
        foreach (var term in program.Readouts)
        {
            switch (term.Kind)
            {
                case ReadoutKind.ExpvalEach:
                    for (int k = 0; k < term.Qubits.Length; k++)
                        for (int a = 0; a < term.Axes.Length; a++)
                            values.Add((offset + k * term.Axes.Length + a, term.Qubits[k], term.Axes[a]));
                    break;
                case ReadoutKind.Probabilities when term.Qubits.SequenceEqual(Enumerable.Range(0, _n)):
                    probs.Add(offset);
                    break;
                default:
                    IsApplicable = false;
                    break;
            }
            offset += term.Length;
        }
        _values = values.ToArray();
        _probabilityOffsets = probs.ToArray();
        _withXY = values.Any(v => v.Item3 != 'z');
    }

    public bool IsApplicable { get; }

    public void Readout<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, Span<T> output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_values.Length > 0)
        {
            Span<double> xyz = stackalloc double[3 * _n];
            PauliPass.Expectations(re, im, _n, _withXY, xyz[.._n], xyz.Slice(_n, _n), xyz.Slice(2 * _n, _n));
            foreach (var (offset, qubit, axis) in _values)
                output[offset] = T.CreateTruncating(xyz[(axis - 'x') * _n + qubit]);
        }
        foreach (int offset in _probabilityOffsets)
        {
            var dst = output.Slice(offset, re.Length);
            int w = Vector512<T>.Count;
            for (int i = 0; i < re.Length; i += w)
            {
                var vr = Vector512.Create(re.Slice(i, w));
                var vi = Vector512.Create(im.Slice(i, w));
                Simd.Fma(vi, vi, vr * vr).CopyTo(dst.Slice(i, w));
            }
        }
    }

    /// <summary>Overwrites g with the vector-Jacobian product of all readouts.</summary>
    public void Backward<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, ReadOnlySpan<T> upstream, Span<T> gre, Span<T> gim) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_values.Length > 0)
        {
            Span<double> u = stackalloc double[3 * _n];
            u.Clear();
            foreach (var (offset, qubit, axis) in _values)
                u[(axis - 'x') * _n + qubit] += double.CreateTruncating(upstream[offset]);
            PauliPass.Backward(re, im, _n, u[.._n], u.Slice(_n, _n), u.Slice(2 * _n, _n), gre, gim);
        }
        else
        {
            gre.Clear();
            gim.Clear();
        }
        int w = Vector512<T>.Count;
        foreach (int offset in _probabilityOffsets)
        {
            var up = upstream.Slice(offset, re.Length);
            for (int i = 0; i < re.Length; i += w)
            {
                var two = Vector512.Create(up.Slice(i, w)) + Vector512.Create(up.Slice(i, w));
                (Vector512.Create<T>(gre.Slice(i, w)) + two * Vector512.Create(re.Slice(i, w))).CopyTo(gre.Slice(i, w));
                (Vector512.Create<T>(gim.Slice(i, w)) + two * Vector512.Create(im.Slice(i, w))).CopyTo(gim.Slice(i, w));
            }
        }
    }
}
