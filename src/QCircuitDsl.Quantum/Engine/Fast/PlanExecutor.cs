using System.Numerics;

namespace QCircuitDsl.Quantum.Engine.Fast;

/// <summary>
/// Runs an <see cref="ExecutionPlan"/> on one span of amplitudes: a single sample, or a tile of consecutive
/// samples that share one parameter row (Shared layout), whose matrices are then built once per tile.
/// </summary>
internal static class PlanExecutor
{
    public static void Forward<T>(ExecutionPlan plan, Span<T> re, Span<T> im, ReadOnlySpan<double> p, bool inverse)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = stackalloc Complex[16];
        var steps = plan.Forward;
        for (int i = 0; i < steps.Length; i++)
        {
            var step = steps[inverse ? steps.Length - 1 - i : i];
            if (step is GateStep g)
            {
                g.Matrix(p, inverse, m);
                var c = GateCoef<T>.Build(g.Lanes.For<T>(), m, identityOutside: true);
                Apply(g, re, im, c);
            }
            else
            {
                var op = ((FallbackStep)step).Op;
                op.Matrix(p, inverse, m);
                op.Apply(re, im, m);
            }
        }
    }

    /// <summary>
    /// Adjoint sweep: states (output → input) and adjoint (output → input) are updated gate by gate and
    /// ∂L/∂p is accumulated (+=) into <paramref name="grad"/> through each angle's affine coefficients.
    /// </summary>
    public static void Backward<T>(ExecutionPlan plan, Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p, Span<double> grad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> inv = stackalloc Complex[16];
        Span<Complex> dm = stackalloc Complex[16];
        Span<Complex> e = stackalloc Complex[4];
        Span<double> angles = stackalloc double[3];
        Span<double> dots = stackalloc double[3];
        Span<int> which = stackalloc int[3];
        Span<GateCoef<T>> coefs = stackalloc GateCoef<T>[3];
        var steps = plan.Backward;
        for (int k = steps.Length - 1; k >= 0; k--)
        {
            if (steps[k] is FallbackStep f)
            {
                FallbackBackward(f.Op, re, im, gre, gim, p, grad, inv, dm, angles);
                continue;
            }
            var g = (GateStep)steps[k];
            var op = g.Op;
            var lanes = g.Lanes.For<T>();
            g.Matrix(p, inverse: true, inv);
            var ci = GateCoef<T>.Build(lanes, inv, identityOutside: true);
            int count = 0;
            if (op.HasParameters)
            {
                op.EvaluateAngles(p, angles);
                for (int a = 0; a < op.Angles.Length; a++)
                {
                    if (op.Angles[a].IsConstant) continue;
                    GateMatrices.BuildDerivative(op.Kind, angles, a, op.Adjoint, dm);
                    // E = (∂U/∂θ)·U†, so Re⟨g|E ψ_out⟩ = Re⟨g|∂U/∂θ ψ_in⟩.
                    e[0] = dm[0] * inv[0] + dm[1] * inv[2]; e[1] = dm[0] * inv[1] + dm[1] * inv[3];
                    e[2] = dm[2] * inv[0] + dm[3] * inv[2]; e[3] = dm[2] * inv[1] + dm[3] * inv[3];
                    GateCoef<T>.Build(lanes, e, identityOutside: false, ref coefs[count]);
                    which[count++] = a;
                }
            }
            dots.Clear();
            var es = coefs[..count];
            switch (g.Form)
            {
                case FormKind.Real: VectorBackwardKernel.Step<T, RealForm>(re, im, gre, gim, lanes, ci, es, dots); break;
                case FormKind.PauliX: VectorBackwardKernel.Step<T, PauliXForm>(re, im, gre, gim, lanes, ci, es, dots); break;
                case FormKind.Diagonal: VectorBackwardKernel.Step<T, DiagonalForm>(re, im, gre, gim, lanes, ci, es, dots); break;
                case FormKind.Swap: VectorBackwardKernel.Step<T, SwapForm>(re, im, gre, gim, lanes, ci, es, dots); break;
                default: VectorBackwardKernel.Step<T, GeneralForm>(re, im, gre, gim, lanes, ci, es, dots); break;
            }
            for (int j = 0; j < count; j++)
                foreach (var (index, coefficient) in op.Angles[which[j]].TermSpan)
                    grad[index] += coefficient * dots[j];
        }
    }

    private static void Apply<T>(GateStep g, Span<T> re, Span<T> im, in GateCoef<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = g.Lanes.For<T>();
        switch (g.Form)
        {
            case FormKind.Real: VectorGateKernels.Apply<T, RealForm>(re, im, lanes, c); break;
            case FormKind.PauliX: VectorGateKernels.Apply<T, PauliXForm>(re, im, lanes, c); break;
            case FormKind.Swap: VectorGateKernels.Apply<T, SwapForm>(re, im, lanes, c); break;
            case FormKind.Diagonal:
                if (g.PhaseOnly) VectorGateKernels.ApplyPhase(re, im, lanes, c);
                else VectorGateKernels.Apply<T, DiagonalForm>(re, im, lanes, c);
                break;
            default: VectorGateKernels.Apply<T, GeneralForm>(re, im, lanes, c); break;
        }
    }

    /// <summary>The straightforward per-op adjoint step for two-target gates (ψ_in is needed for the derivative).</summary>
    private static void FallbackBackward<T>(CompiledOp op, Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p,
        Span<double> grad, Span<Complex> inv, Span<Complex> dm, Span<double> angles) where T : unmanaged, IFloatingPointIeee754<T>
    {
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
