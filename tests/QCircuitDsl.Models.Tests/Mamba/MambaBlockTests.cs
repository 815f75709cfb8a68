using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class MambaBlockTests
{
    [Fact]
    public void Residual_block_passes_GradCheck_in_float64_for_input_and_every_parameter()
    {
        var block = new ResidualBlock(MambaTestModels.Tiny, dtype: DType.Float64, generator: new Generator(1));
        block.Mixer.ScanChunk = 2; // several recomputed chunks in a length-5 sequence
        // Move Δ away from softplus' flat region so the check is sensitive to dt_proj.
        using (Torch.NoGrad()) block.Mixer.DtProj.Bias.Fill_(0.3);
        var x = MambaTestModels.Input(2, 5, 4, DType.Float64, seed: 2).RequiresGrad_();
        var inputs = block.Parameters().Cast<Tensor>().Append(x).ToArray();
        var report = GradCheck.Check(_ => block.Forward(x), inputs, eps: 1e-6, atol: 1e-7, rtol: 1e-5);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Mixer_is_causal()
    {
        var mixer = new MambaMixer(MambaTestModels.Tiny, generator: new Generator(3));
        var x = MambaTestModels.Input(1, 12, 4, DType.Float32, seed: 4);
        var changed = x.Clone();
        using (Torch.NoGrad()) changed.Select(1, 7).Fill_(5.0);
        var a = mixer.Forward(x).ToArray<float>();
        var b = mixer.Forward(changed).ToArray<float>();
        for (var t = 0; t < 12; t++)
        {
            var same = Enumerable.Range(0, 4).All(j => a[t * 4 + j] == b[t * 4 + j]);
            Assert.True(t < 7 ? same : !same, $"step {t}: outputs {(same ? "unchanged" : "changed")}");
        }
    }

    [Fact]
    public void Classifier_maps_pixel_sequences_to_class_logits()
    {
        var model = new MambaClassifier(new MambaConfig(8), layerCount: 2, generator: new Generator(5));
        var logits = model.Forward(Torch.Rand([3, 20], new Generator(6)));
        Assert.Equal([3, 10], logits.Shape);
        Assert.All(logits.ToArray<float>(), v => Assert.True(float.IsFinite(v)));
    }
}
