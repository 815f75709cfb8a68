using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Binding;

namespace QCircuitDsl.Compiler.Tests.Lowering;

/// <summary>
/// examples/circuits/sim14.qc against /work/shared/reference/sim2019-circuits.md, circuit 14: the exact gate list at
/// n = 4 (the reference table) and at n = 6 (the scaling rule stated there).
/// </summary>
public class Sim14LoweringTests
{
    private static QcCompilation Compilation()
    {
        var c = FrontEnd.Compile(("sim14.qc", FrontEnd.Example("sim14.qc")));
        Assert.Empty(c.Diagnostics);
        return c;
    }

    private static IrCircuit Lower(long n, long layers = 1)
    {
        var result = Compilation().Lower("sim14", new Dictionary<string, long> { ["n"] = n, ["layers"] = layers });
        Assert.True(result.Success, FrontEnd.Dump(result.Diagnostics));
        return result.Circuit!;
    }

    private static string Ry(int qubit, int p) => $"RY c=[] t=[{qubit}] a=[p[{p}]]";

    private static string Crx(int control, int target, int p) => $"RX c=[{control}] t=[{target}] a=[p[{p}]]";

    [Fact]
    public void Four_qubits_match_the_reference_table_exactly()
    {
        var expected = new[]
        {
            // step 1: RY q0..q3, p0..p3
            Ry(0, 0), Ry(1, 1), Ry(2, 2), Ry(3, 3),
            // steps 2-5: CRX target q0 ctrl q3 (p4), q3 ctrl q2 (p5), q2 ctrl q1 (p6), q1 ctrl q0 (p7)
            Crx(3, 0, 4), Crx(2, 3, 5), Crx(1, 2, 6), Crx(0, 1, 7),
            // step 6: RY q0..q3, p8..p11
            Ry(0, 8), Ry(1, 9), Ry(2, 10), Ry(3, 11),
            // steps 7-10: CRX target q2 ctrl q3 (p12), q3 ctrl q0 (p13), q0 ctrl q1 (p14), q1 ctrl q2 (p15)
            Crx(3, 2, 12), Crx(0, 3, 13), Crx(1, 0, 14), Crx(2, 1, 15),
        };
        var ir = Lower(4);
        Assert.Equal(expected, ir.Gates.Select(FrontEnd.Describe));
        Assert.Equal(4, ir.QubitCount);
        Assert.Equal(16, ir.ParameterCount);
        var readout = Assert.Single(ir.Readouts);
        Assert.Equal((IrReadoutKind.ExpvalEach, "xyz"), (readout.Kind, readout.Axes));
        Assert.Equal(12, ir.ReadoutLength);
    }

    [Fact]
    public void Default_instance_is_the_four_qubit_one_layer_circuit()
    {
        var c = Compilation();
        var ir = c.DefaultInstances[c.GetCircuit("sim14")!];
        Assert.Equal(Lower(4).Gates, ir.Gates);
    }

    private static long Mod(long a, long n) => ((a % n) + n) % n;

    /// <summary>The scaling rule of the reference, written independently of the .qc file.</summary>
    private static IEnumerable<string> ScalingRule(int n, int layer)
    {
        int o = layer * 4 * n;
        for (int i = 0; i < n; i++)
        {
            yield return Ry(i, o + i);
        }

        for (int k = 0; k < n; k++)
        {
            int t = (int)Mod(n - k, n);
            yield return Crx((int)Mod(t - 1, n), t, o + n + k);
        }

        for (int i = 0; i < n; i++)
        {
            yield return Ry(i, o + 2 * n + i);
        }

        for (int k = 0; k < n; k++)
        {
            int t = (int)Mod(n - 2 + k, n);
            yield return Crx((int)Mod(t + 1, n), t, o + 3 * n + k);
        }
    }

    [Fact]
    public void Scaling_rule_reproduces_the_table_at_four_qubits()
    {
        // A check of the test's own rule against the table (3->0, 2->3, 1->2, 0->1 and 3->2, 0->3, 1->0, 2->1).
        var ring = ScalingRule(4, 0).Where(g => g.StartsWith("RX")).ToList();
        Assert.Equal(new[] { Crx(3, 0, 4), Crx(2, 3, 5), Crx(1, 2, 6), Crx(0, 1, 7), Crx(3, 2, 12), Crx(0, 3, 13), Crx(1, 0, 14), Crx(2, 1, 15) }, ring);
    }

    [Fact]
    public void Six_qubits_follow_the_scaling_rule()
    {
        var ir = Lower(6);
        Assert.Equal(ScalingRule(6, 0), ir.Gates.Select(FrontEnd.Describe));
        Assert.Equal(24, ir.ParameterCount);
        // First ring 5->0, 4->5, 3->4, 2->3, 1->2, 0->1; second ring 5->4, 0->5, 1->0, 2->1, 3->2, 4->3.
        var crx = ir.Gates.Where(g => g.Controls.Count == 1).Select(g => (g.Controls[0], g.Targets[0])).ToArray();
        Assert.Equal(new[] { (5, 0), (4, 5), (3, 4), (2, 3), (1, 2), (0, 1), (5, 4), (0, 5), (1, 0), (2, 1), (3, 2), (4, 3) }, crx);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void Other_sizes_and_layers_follow_the_scaling_rule(int n)
    {
        var ir = Lower(n, layers: 2);
        Assert.Equal(ScalingRule(n, 0).Concat(ScalingRule(n, 1)), ir.Gates.Select(FrontEnd.Describe));
        Assert.Equal(8 * n, ir.ParameterCount);
        Assert.Equal(new[] { 2, 4 * n }, ir.ParameterArrays.Single().Shape);
    }

    [Fact]
    public void One_qubit_is_rejected_because_a_ring_gate_would_use_one_qubit_twice()
    {
        var result = Compilation().Lower("sim14", new Dictionary<string, long> { ["n"] = 1 });
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "QC2005");
    }
}
