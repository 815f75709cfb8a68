using System.Numerics;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Floating-point operations the optimised engine executes for one step (Forward + Readout + ReadoutBackward +
/// Backward), counted per amplitude touched (an FMA counts 2) — the basis of every GFLOP/s figure we report.
/// One-target gates touch D/2^controls amplitudes at: real and a·1+ibX forms 8, general 16, diagonal 6, permutation
/// 0 flops. Two-target gates (dense 4×4): 32. Backward: the uncompute of ψ and g (2× forward) plus, per angle,
/// the form's cost and 4 for the dot product. Expectations of n qubits: D·(3 + 7n); their backward: D·(2 + 8n);
/// probabilities: 3 per amplitude each way. The unitary strategy is counted by the same gate model (the work the
/// per-sample path would do), so its GFLOP/s are "equivalent" rates.
/// </summary>
internal static class FlopModel
{
    public static double StepFlops(QuantumCircuit circuit, int batch)
    {
        var plan = circuit.Engine.Plan;
        double d = circuit.Dimension, forward = 0, backward = 0;
        foreach (var step in plan.Forward) forward += StepCost(step, d, out _);
        foreach (var step in plan.Backward)
        {
            double one = StepCost(step, d, out int angles);
            double touched = step is GateStep g ? d / (1 << BitOperations.PopCount((uint)g.Lanes.Control)) : d;
            backward += 2 * one + angles * (one + 4 * touched);
        }
        int n = circuit.QubitCount;
        double readout = 0;
        foreach (var term in circuit.Program.Readouts)
            readout += term.Kind == ReadoutKind.Probabilities ? 6 * d : 0;
        if (circuit.Program.Readouts.Any(t => t.Kind == ReadoutKind.ExpvalEach)) readout += d * (3 + 7 * n) + d * (2 + 8 * n);
        return batch * (forward + backward + readout);
    }

    private static double StepCost(PlanStep step, double d, out int angles)
    {
        if (step is FallbackStep f)
        {
            angles = f.Op.Angles.Count(a => !a.IsConstant);
            return 32 * d / (1 << BitOperations.PopCount((uint)f.Op.ControlMask));
        }
        var g = (GateStep)step;
        angles = g.Op.Angles.Count(a => !a.IsConstant);
        double touched = d / (1 << BitOperations.PopCount((uint)g.Lanes.Control));
        double perAmplitude = g.Form switch
        {
            FormKind.Real or FormKind.PauliX => 8,
            FormKind.Diagonal => g.PhaseOnly ? 3 : 6,
            FormKind.Swap => 0,
            _ => 16,
        };
        return perAmplitude * touched;
    }
}
