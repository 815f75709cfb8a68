using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// The original straightforward engine: every gate applied as a dense 2×2/4×4 matrix with scalar loops, every
/// readout value in its own pass. Kept as the fallback (no AVX-512, or fewer amplitudes than one vector) and as the
/// baseline the benchmarks compare with (<see cref="QuantumCircuit.UseSimpleKernels"/>).
/// </summary>
internal sealed class SimpleEngine
{
    private readonly CompiledOp[] _ops;
    private readonly CompiledReadout[] _readouts;

    public SimpleEngine(CompiledOp[] ops, CompiledReadout[] readouts, int maxProbabilityLength)
    {
        _ops = ops;
        _readouts = readouts;
        MaxProbabilityLength = maxProbabilityLength;
    }

    public int MaxProbabilityLength { get; }

    public void Forward<T>(Span<T> re, Span<T> im, ReadOnlySpan<double> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = stackalloc Complex[16];
        foreach (var op in _ops)
        {
            op.Matrix(p, inverse: false, m);
            op.Apply(re, im, m);
        }
    }

    public void Inverse<T>(Span<T> re, Span<T> im, ReadOnlySpan<double> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = stackalloc Complex[16];
        for (int k = _ops.Length - 1; k >= 0; k--)
        {
            _ops[k].Matrix(p, inverse: true, m);
            _ops[k].Apply(re, im, m);
        }
    }

    /// <summary>
    /// Walks the ops backwards. For op k with ψ_k = U_k ψ_{k−1}: uncompute ψ_{k−1} = U_k†ψ_k, accumulate
    /// ∂L/∂θ = Re⟨g_k|∂U_k/∂θ|ψ_{k−1}⟩ through each angle's affine coefficients, then g_{k−1} = U_k† g_k.
    /// </summary>
    public void Backward<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p, Span<double> grad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> inv = stackalloc Complex[16];
        Span<Complex> dm = stackalloc Complex[16];
        Span<double> angles = stackalloc double[3];
        for (int k = _ops.Length - 1; k >= 0; k--)
        {
            var op = _ops[k];
            op.Matrix(p, inverse: true, inv);
            op.Apply(re, im, inv);
            if (op.HasParameters)
            {
                op.EvaluateAngles(p, angles);
                for (int a = 0; a < op.Angles.Length; a++)
                {
                    var expr = op.Angles[a];
                    if (expr.IsConstant) continue;
                    GateMatrices.BuildDerivative(op.Kind, angles, a, op.Adjoint, dm);
                    double dTheta = op.Inner<T>(gre, gim, re, im, dm);
                    foreach (var (index, coefficient) in expr.TermSpan)
                        grad[index] += coefficient * dTheta;
                }
            }
            op.Apply(gre, gim, inv);
        }
    }

    public void Readout<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, Span<T> output, Span<double> probs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var term in _readouts)
        {
            var dst = output.Slice(term.Offset, term.Length);
            switch (term.Kind)
            {
                case ReadoutKind.ExpvalEach:
                case ReadoutKind.PauliString:
                    for (int v = 0; v < term.Paulis.Length; v++)
                        dst[v] = T.CreateTruncating(ReadoutKernels.PauliExpectation(re, im, term.Paulis[v]));
                    break;
                case ReadoutKind.Probabilities:
                    {
                        var pr = probs[..term.Length];
                        ReadoutKernels.Probabilities(re, im, term.ProbabilityMasks, pr);
                        for (int j = 0; j < pr.Length; j++) dst[j] = T.CreateTruncating(pr[j]);
                        break;
                    }
                case ReadoutKind.State:
                    for (int i = 0; i < re.Length; i++)
                    {
                        dst[2 * i] = re[i];
                        dst[2 * i + 1] = im[i];
                    }
                    break;
            }
        }
    }

    public void ReadoutBackward<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, ReadOnlySpan<T> upstream, Span<T> gre, Span<T> gim)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        gre.Clear();
        gim.Clear();
        foreach (var term in _readouts)
        {
            var u = upstream.Slice(term.Offset, term.Length);
            switch (term.Kind)
            {
                case ReadoutKind.ExpvalEach:
                case ReadoutKind.PauliString:
                    // r = ⟨ψ|P|ψ⟩ ⇒ g += 2·u·Pψ
                    for (int v = 0; v < term.Paulis.Length; v++)
                        ReadoutKernels.PauliAccumulate(re, im, term.Paulis[v], 2 * double.CreateTruncating(u[v]), gre, gim);
                    break;
                case ReadoutKind.Probabilities:
                    ReadoutKernels.ProbabilitiesAccumulate(re, im, term.ProbabilityMasks, u, gre, gim);
                    break;
                case ReadoutKind.State:
                    for (int i = 0; i < gre.Length; i++)
                    {
                        gre[i] += u[2 * i];
                        gim[i] += u[2 * i + 1];
                    }
                    break;
            }
        }
    }
}
