using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Passes;

public class PassPipelineTests
{
    [Fact]
    public void Passes_feed_each_other_until_nothing_is_left()
    {
        // h rx(p) rx(−p) h: merge → rx(0), fold → h h, cancel → nothing.
        // x; rz(4π) ; x: fold → x x, cancel → nothing (needs the first fold).
        var c = Circuit(2, 1,
        [
            G1(GateKind.H, 0), G1(GateKind.RX, 0, P(0)), G1(GateKind.RX, 0, -P(0)), G1(GateKind.H, 0),
            G1(GateKind.X, 1), G1(GateKind.RZ, 1, C(4 * Math.PI)), G1(GateKind.X, 1),
        ]);
        var result = PassPipeline.Optimize(c, out var stats);
        Assert.Empty(result.Gates);
        Assert.Equal(["constant-folding", "rotation-merging", "inverse-cancellation", "constant-folding"], stats.Take(4).Select(s => s.Pass));
        Assert.Equal(7, stats[0].GatesBefore);
        Assert.Equal(6, stats[0].GatesAfter);
        Assert.All(stats.Zip(stats.Skip(1)), t => Assert.Equal(t.First.GatesAfter, t.Second.GatesBefore));
        Assert.Equal(0, stats[^1].GatesAfter);
        Assert.True(PassAssert.UnitaryDistance(c, result) < 1e-12);
    }

    [Fact]
    public void Cancellation_can_enable_a_merge_in_the_next_round()
    {
        // ry(p) x x ry(q) → ry(p) ry(q) → ry(p + q): needs a second round.
        var c = Circuit(1, 2, [G1(GateKind.RY, 0, P(0)), G1(GateKind.X, 0), G1(GateKind.X, 0), G1(GateKind.RY, 0, P(1))]);
        var pipeline = new PassPipeline();
        var result = pipeline.Run(c);
        var g = Assert.Single(result.Gates);
        Assert.Equal(AffineExpression.FromParameter(0) + AffineExpression.FromParameter(1), g.Angles[0]);
        Assert.True(pipeline.Stats.Count >= 8); // at least two rounds
        Assert.Equal(pipeline.Passes.Count * (pipeline.Stats.Count / pipeline.Passes.Count), pipeline.Stats.Count);
        PassAssert.SameFunction(c, result);
    }

    [Fact]
    public void A_circuit_without_anything_to_do_takes_one_round()
    {
        var c = Circuit(2, 1, [G1(GateKind.H, 0), G(GateKind.RX, [1], [0], [P(0)])]);
        var pipeline = new PassPipeline();
        var result = pipeline.Run(c);
        Assert.Equal(c.Gates, result.Gates);
        Assert.Equal(4, pipeline.Stats.Count);
        Assert.All(pipeline.Stats, s => Assert.Equal(2, s.GatesAfter));
    }

    [Fact]
    public void Custom_pass_lists_are_honoured()
    {
        var c = Circuit(1, 0, [G1(GateKind.RX, 0, C(0)), G1(GateKind.H, 0), G1(GateKind.H, 0)]);
        var onlyFold = new PassPipeline([new ConstantFoldingPass()]);
        Assert.Equal(2, onlyFold.Run(c).Gates.Count);
        Assert.Throws<ArgumentNullException>(() => new PassPipeline(null!));
        Assert.Throws<ArgumentNullException>(() => PassPipeline.Optimize(null!));
    }

    [Fact]
    public void Random_circuits_keep_unitary_and_gradient_and_reach_a_fixpoint() =>
        PassAssert.Property(PassAssert.OptimizableCircuits(AllKinds, 18), inst =>
        {
            var result = PassPipeline.Optimize(inst.Circuit, out var stats);
            var again = PassPipeline.Optimize(result);
            return again.Gates.Count == result.Gates.Count &&
                   stats[^1].GatesAfter == result.Gates.Count &&
                   result.Gates.All(g => !ConstantFoldingPass.IsIdentity(g)) &&
                   PassAssert.UnitaryDistance(inst.Circuit, result) < 1e-10 &&
                   PassAssert.GradientDistance(inst.Circuit, result) < 1e-9;
        }, maxTest: 300);
}
