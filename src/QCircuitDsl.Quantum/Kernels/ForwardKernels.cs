using System.Numerics;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Kernels;

/// <summary>
/// For generated code: ψ ← Mψ for one gate (or a merged run of gates on one site), specialised by matrix form. Each
/// call computes its sines and cosines once and runs one AVX-512 sweep (the engine's own vector kernels) over the
/// span, which holds one sample, or consecutive samples sharing the parameters. Spans must hold whole vectors
/// (the engine only calls a <see cref="SpecializedKernel"/> when they do).
/// </summary>
public static class ForwardKernels
{
    /// <summary>ry(θ) (controlled when the site has controls): the real matrix [[c, −s], [s, c]], c = cos θ/2, s = sin θ/2.</summary>
    public static void Ry<T>(Span<T> re, Span<T> im, GateSite site, double theta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(theta / 2);
        Apply<T, RealForm>(re, im, site, FormKind.Real, c, -s, c, s);
    }

    /// <summary>rx(θ) = c·1 − i·s·X; with a control this is crx, touching only the control = 1 half.</summary>
    public static void Rx<T>(Span<T> re, Span<T> im, GateSite site, double theta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(theta / 2);
        Apply<T, PauliXForm>(re, im, site, FormKind.PauliX, c, -s, c, -s);
    }

    /// <summary>rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}): one complex multiply per amplitude, no partner.</summary>
    public static void Rz<T>(Span<T> re, Span<T> im, GateSite site, double theta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(theta / 2);
        Apply<T, DiagonalForm>(re, im, site, FormKind.Diagonal, c, -s, c, s);
    }

    /// <summary>p(λ) = diag(1, e^{iλ}): only the half where the target is set is touched.</summary>
    public static void Phase<T>(Span<T> re, Span<T> im, GateSite site, double lambda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(lambda);
        var lanes = site.Lanes.For<T>();
        VectorGateKernels.ApplyPhase(re, im, lanes, PairCoefficients.Build<T>(lanes, FormKind.Diagonal, 1, 0, c, s, identityOutside: true));
    }

    /// <summary>x, cx, ccx: a permutation, no arithmetic.</summary>
    public static void Flip<T>(Span<T> re, Span<T> im, GateSite site) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = [0, 1, 1, 0];
        Apply<T, SwapForm>(re, im, site, m);
    }

    /// <summary>Any 2×2 matrix whose structure <paramref name="form"/> the generator knows (merged runs, fixed gates, u3, rot).</summary>
    public static void Apply<T>(Span<T> re, Span<T> im, GateSite site, in Matrix2 matrix, MatrixForm form) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = stackalloc Complex[4];
        matrix.CopyTo(m);
        var lanes = site.Lanes.For<T>();
        var c = GateCoef<T>.Build(lanes, m, identityOutside: true);
        switch (form)
        {
            case MatrixForm.Real: VectorGateKernels.Apply<T, RealForm>(re, im, lanes, c); break;
            case MatrixForm.PauliX: VectorGateKernels.Apply<T, PauliXForm>(re, im, lanes, c); break;
            case MatrixForm.Diagonal: VectorGateKernels.Apply<T, DiagonalForm>(re, im, lanes, c); break;
            case MatrixForm.Phase: VectorGateKernels.ApplyPhase(re, im, lanes, c); break;
            case MatrixForm.Flip: VectorGateKernels.Apply<T, SwapForm>(re, im, lanes, c); break;
            default: VectorGateKernels.Apply<T, GeneralForm>(re, im, lanes, c); break;
        }
    }

    /// <summary>Two-number forms: row 0 gets (x0, y0), row 1 (x1, y1); see <see cref="PairCoefficients"/>.</summary>
    private static void Apply<T, F>(Span<T> re, Span<T> im, GateSite site, FormKind form, double x0, double y0, double x1, double y1)
        where T : unmanaged, IFloatingPointIeee754<T> where F : struct, IMatrixForm
    {
        var lanes = site.Lanes.For<T>();
        VectorGateKernels.Apply<T, F>(re, im, lanes, PairCoefficients.Build<T>(lanes, form, x0, y0, x1, y1, identityOutside: true));
    }

    private static void Apply<T, F>(Span<T> re, Span<T> im, GateSite site, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T> where F : struct, IMatrixForm
    {
        var lanes = site.Lanes.For<T>();
        VectorGateKernels.Apply<T, F>(re, im, lanes, GateCoef<T>.Build(lanes, m, identityOutside: true));
    }
}
