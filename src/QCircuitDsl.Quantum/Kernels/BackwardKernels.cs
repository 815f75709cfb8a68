using System.Numerics;
using QCircuitDsl.Quantum.Engine;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Kernels;

/// <summary>
/// For generated code: one adjoint-method step per gate, in one sweep over ψ and g (the engine's
/// <c>VectorBackwardKernel</c>): with E = (∂U/∂θ)·U†, the returned ∂L/∂θ = Re⟨g|E ψ_out⟩ is read before
/// ψ ← U†ψ and g ← U†g overwrite the output. The caller multiplies it by each parameter's affine coefficient, so
/// the link from a parameter to every gate it feeds is explicit in the generated code.
/// </summary>
/// <remarks>For the Pauli rotations E is the constant −(i/2)·G (G = X, Y, Z); for p(λ) it is diag(0, i).</remarks>
public static class BackwardKernels
{
    /// <summary>ry(θ): U† = [[c, s], [−s, c]], E = [[0, −½], [½, 0]].</summary>
    public static double Ry<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site, double theta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(theta / 2);
        return Step<T, RealForm>(re, im, gre, gim, site, FormKind.Real, (c, s, c, -s), (0, -0.5, 0, 0.5));
    }

    /// <summary>rx(θ) (crx with a control): U† = c·1 + i·s·X, E = −(i/2)·X.</summary>
    public static double Rx<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site, double theta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(theta / 2);
        return Step<T, PauliXForm>(re, im, gre, gim, site, FormKind.PauliX, (c, s, c, s), (0, -0.5, 0, -0.5));
    }

    /// <summary>rz(θ): U† = diag(e^{iθ/2}, e^{−iθ/2}), E = diag(−i/2, i/2).</summary>
    public static double Rz<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site, double theta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(theta / 2);
        return Step<T, DiagonalForm>(re, im, gre, gim, site, FormKind.Diagonal, (c, s, c, -s), (0, -0.5, 0, 0.5));
    }

    /// <summary>p(λ): U† = diag(1, e^{−iλ}), E = diag(0, i).</summary>
    public static double Phase<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site, double lambda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (s, c) = Math.SinCos(lambda);
        return Step<T, DiagonalForm>(re, im, gre, gim, site, FormKind.Diagonal, (1, 0, c, -s), (0, 0, 0, 1));
    }

    /// <summary>A gate without parameters (or with constant angles): ψ ← U†ψ and g ← U†g in one sweep.</summary>
    public static void Uncompute<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site, in Matrix2 inverse, MatrixForm form)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> inv = stackalloc Complex[4];
        inverse.CopyTo(inv);
        var lanes = site.Lanes.For<T>();
        var ci = GateCoef<T>.Build(lanes, inv, identityOutside: true);
        Run(Matrix2.ToFormKind(form), re, im, gre, gim, lanes, ci, [], []);
    }

    /// <summary>
    /// Any one-target gate kind with angles (u3, rot, and the rotations when the generator has no shorter form):
    /// returns ∂L/∂angle for each of its (up to three) angles; unused ones are zero.
    /// </summary>
    public static (double D0, double D1, double D2) Gate<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site,
        GateKind kind, bool adjoint, double a0, double a1 = 0, double a2 = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = AngleCount(kind);
        Span<double> angles = [a0, a1, a2];
        Span<Complex> inv = stackalloc Complex[4];
        Span<Complex> dm = stackalloc Complex[4];
        GateMatrices.Build(kind, angles, !adjoint, inv);
        var lanes = site.Lanes.For<T>();
        var ci = GateCoef<T>.Build(lanes, inv, identityOutside: true);
        Span<GateCoef<T>> e = stackalloc GateCoef<T>[3];
        Span<Complex> em = stackalloc Complex[4];
        for (int a = 0; a < count; a++)
        {
            GateMatrices.BuildDerivative(kind, angles, a, adjoint, dm);
            em[0] = dm[0] * inv[0] + dm[1] * inv[2]; em[1] = dm[0] * inv[1] + dm[1] * inv[3];
            em[2] = dm[2] * inv[0] + dm[3] * inv[2]; em[3] = dm[2] * inv[1] + dm[3] * inv[3];
            GateCoef<T>.Build(lanes, em, identityOutside: false, ref e[a]);
        }
        Span<double> dots = [0, 0, 0];
        Run(PlanForm(kind), re, im, gre, gim, lanes, ci, e[..count], dots);
        return (dots[0], dots[1], dots[2]);
    }

    private static int AngleCount(GateKind kind) => kind switch
    {
        GateKind.U3 or GateKind.Rot => 3,
        GateKind.RX or GateKind.RY or GateKind.RZ or GateKind.P => 1,
        _ => 0,
    };

    /// <summary>The form the engine's plan uses for this kind (it holds for U†, and for E = ∂U/∂θ·U†).</summary>
    private static FormKind PlanForm(GateKind kind)
    {
        var form = GateStep.Classify(kind).Form;
        return form == FormKind.Swap ? FormKind.Real : form;
    }

    /// <summary>
    /// One step of a two-number form: U† and E as (row 0 x, row 0 y, row 1 x, row 1 y), see <see cref="PairCoefficients"/>.
    /// </summary>
    private static double Step<T, F>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, GateSite site, FormKind form,
        (double X0, double Y0, double X1, double Y1) inverse, (double X0, double Y0, double X1, double Y1) e)
        where T : unmanaged, IFloatingPointIeee754<T> where F : struct, IMatrixForm
    {
        var lanes = site.Lanes.For<T>();
        var ci = PairCoefficients.Build<T>(lanes, form, inverse.X0, inverse.Y0, inverse.X1, inverse.Y1, identityOutside: true);
        Span<GateCoef<T>> es = stackalloc GateCoef<T>[1];
        es[0] = PairCoefficients.Build<T>(lanes, form, e.X0, e.Y0, e.X1, e.Y1, identityOutside: false);
        Span<double> dot = [0];
        VectorBackwardKernel.Step<T, F>(re, im, gre, gim, lanes, ci, es, dot);
        return dot[0];
    }

    private static void Run<T>(FormKind form, Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, LaneSet lanes, in GateCoef<T> ci,
        ReadOnlySpan<GateCoef<T>> e, Span<double> dots) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (form)
        {
            case FormKind.Real: VectorBackwardKernel.Step<T, RealForm>(re, im, gre, gim, lanes, ci, e, dots); break;
            case FormKind.PauliX: VectorBackwardKernel.Step<T, PauliXForm>(re, im, gre, gim, lanes, ci, e, dots); break;
            case FormKind.Diagonal: VectorBackwardKernel.Step<T, DiagonalForm>(re, im, gre, gim, lanes, ci, e, dots); break;
            case FormKind.Swap: VectorBackwardKernel.Step<T, SwapForm>(re, im, gre, gim, lanes, ci, e, dots); break;
            default: VectorBackwardKernel.Step<T, GeneralForm>(re, im, gre, gim, lanes, ci, e, dots); break;
        }
    }
}
