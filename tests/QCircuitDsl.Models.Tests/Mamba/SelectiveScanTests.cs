using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class SelectiveScanTests
{
    [Theory]
    [InlineData(1)]   // every state stored
    [InlineData(4)]   // several chunks, the last one partial (L = 30)
    [InlineData(64)]  // one chunk longer than the sequence
    public void Forward_and_all_gradients_match_a_naive_step_loop_in_float64(int chunk)
    {
        // 20 channels = two channel blocks (16 + 4), so block boundaries and the ∂B/∂C block sum are exercised.
        var fused = ScanReference.Inputs(2, 30, 20, 5, DType.Float64, seed: 1).Select(t => t.RequiresGrad_()).ToArray();
        var naive = fused.Select(t => t.Detach().Clone().RequiresGrad_()).ToArray();

        var y = SelectiveScan.Apply(fused[0], fused[1], fused[2], fused[3], fused[4], fused[5], chunk);
        var reference = ScanReference.Scan(naive[0], naive[1], naive[2], naive[3], naive[4], naive[5]);
        AssertClose(reference, y, 1e-12, "y");

        var upstream = Torch.Randn([2, 30, 20], new Generator(2), DType.Float64);
        y.Backward(upstream);
        reference.Backward(upstream);
        string[] names = ["x", "delta", "A", "B", "C", "D"];
        for (var i = 0; i < fused.Length; i++) AssertClose(naive[i].Grad!, fused[i].Grad!, 1e-10, "grad " + names[i]);
    }

    [Theory]
    [InlineData(16)] // the paper's d_state: whole SIMD vectors (4 or 8 doubles)
    [InlineData(19)] // whole vectors and a scalar tail
    public void Gradients_match_the_naive_loop_when_the_state_fills_SIMD_vectors(int state)
    {
        // The reverse sweep runs in Vector<T> over the state entries; float64 vs the naive loop, float32 vs float64.
        var fused = ScanReference.Inputs(2, 12, 18, state, DType.Float64, seed: 7).Select(t => t.RequiresGrad_()).ToArray();
        var naive = fused.Select(t => t.Detach().Clone().RequiresGrad_()).ToArray();
        var single = fused.Select(t => t.Detach().Float().RequiresGrad_()).ToArray();
        var upstream = Torch.Randn([2, 12, 18], new Generator(8), DType.Float64);
        SelectiveScan.Apply(fused[0], fused[1], fused[2], fused[3], fused[4], fused[5], chunk: 5).Backward(upstream);
        ScanReference.Scan(naive[0], naive[1], naive[2], naive[3], naive[4], naive[5]).Backward(upstream);
        SelectiveScan.Apply(single[0], single[1], single[2], single[3], single[4], single[5], chunk: 5).Backward(upstream.Float());
        string[] names = ["x", "delta", "A", "B", "C", "D"];
        for (var i = 0; i < fused.Length; i++)
        {
            AssertClose(naive[i].Grad!, fused[i].Grad!, 1e-10, "grad " + names[i]);
            AssertClose(naive[i].Grad!, single[i].Grad!.Double(), 1e-4, "float32 grad " + names[i]);
        }
    }

    [Fact]
    public void GradCheck_passes_for_every_input()
    {
        var inputs = ScanReference.Inputs(2, 7, 3, 2, DType.Float64, seed: 3).Select(t => t.RequiresGrad_()).ToArray();
        var report = GradCheck.Check(xs => SelectiveScan.Apply(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], chunk: 3), inputs,
            eps: 1e-6, atol: 1e-7, rtol: 1e-5);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Float32_scan_agrees_with_float64_on_a_long_sequence()
    {
        var inputs = ScanReference.Inputs(1, 784, 8, 16, DType.Float64, seed: 4);
        var y64 = SelectiveScan.Apply(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5]).ToArray<double>();
        var f = inputs.Select(t => t.Float()).ToArray();
        var y32 = SelectiveScan.Apply(f[0], f[1], f[2], f[3], f[4], f[5]).ToArray<double>();
        var scale = y64.Max(Math.Abs);
        for (var i = 0; i < y64.Length; i++) Assert.True(Math.Abs(y64[i] - y32[i]) <= 1e-4 * scale, $"element {i}: {y64[i]} vs {y32[i]}");
    }

    [Fact]
    public void Results_are_bit_identical_for_one_and_several_threads()
    {
        var before = Torch.GetNumThreads();
        try
        {
            var one = GradientsWithThreads(1);
            var many = GradientsWithThreads(Math.Max(2, Environment.ProcessorCount));
            for (var i = 0; i < one.Length; i++) Assert.Equal(one[i], many[i]);
        }
        finally { Torch.SetNumThreads(before); }
    }

    private static float[][] GradientsWithThreads(int threads)
    {
        Torch.SetNumThreads(threads);
        var inputs = ScanReference.Inputs(3, 50, 40, 4, DType.Float32, seed: 5).Select(t => t.RequiresGrad_()).ToArray();
        var y = SelectiveScan.Apply(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5], chunk: 16);
        (y * y).Sum().Backward();
        return [y.ToArray<float>(), .. inputs.Select(t => t.Grad!.ToArray<float>())];
    }

    [Fact]
    public void Mismatched_shapes_are_rejected()
    {
        var i = ScanReference.Inputs(1, 4, 3, 2, DType.Float32, seed: 6);
        Assert.Throws<ArgumentException>(() => SelectiveScan.Apply(i[0], i[1], i[2], i[4].Narrow(2, 0, 1), i[4], i[5]));
        Assert.Throws<ArgumentException>(() => SelectiveScan.Apply(i[0], i[1].Double(), i[2], i[3], i[4], i[5]));
    }

    internal static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var e = expected.ToArray<double>();
        var a = actual.ToArray<double>();
        for (var k = 0; k < e.Length; k++)
            Assert.True(Math.Abs(e[k] - a[k]) <= tolerance * (1 + Math.Abs(e[k])), $"{what}[{k}]: expected {e[k]:G17}, got {a[k]:G17}");
    }
}
