using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class MambaInitTests
{
    private static readonly MambaConfig Config = new(64); // d_inner 128, dt_rank 4, d_state 16

    [Fact]
    public void State_space_parameters_start_as_documented()
    {
        var mixer = new MambaMixer(Config, generator: new Generator(1));
        var aLog = mixer.ALog.ToArray<double>();
        Assert.Equal([128, 16], mixer.ALog.Shape);
        for (var row = 0; row < 128; row++)
            for (var n = 0; n < 16; n++)
                Assert.Equal(Math.Log(n + 1), aLog[row * 16 + n], 6);
        Assert.All(mixer.D.ToArray<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Dt_bias_gives_log_uniform_steps_in_range_and_dt_weight_respects_its_bound()
    {
        var mixer = new MambaMixer(Config, generator: new Generator(2));
        var dt = Functional.Softplus(mixer.DtProj.Bias.Detach()).ToArray<double>();
        Assert.All(dt, v => Assert.InRange(v, Config.DtMin * (1 - 1e-5), Config.DtMax * (1 + 1e-5)));
        // Log-uniform: the mean of log Δ is the midpoint of [log dt_min, log dt_max] (σ of the mean ≈ 0.12 here).
        var meanLog = dt.Average(Math.Log);
        Assert.InRange(meanLog, (Math.Log(0.001) + Math.Log(0.1)) / 2 - 0.5, (Math.Log(0.001) + Math.Log(0.1)) / 2 + 0.5);

        var bound = 1 / Math.Sqrt(Config.DtRank);
        var w = mixer.DtProj.Weight.ToArray<double>();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max(Math.Abs) > 0.8 * bound, "weights should fill the uniform range");
    }

    [Fact]
    public void Dt_floor_applies_when_the_range_lies_below_it()
    {
        var config = new MambaConfig(16) { DtMin = 1e-6, DtMax = 1e-5, DtInitFloor = 1e-4 };
        var mixer = new MambaMixer(config, generator: new Generator(3));
        Assert.All(Functional.Softplus(mixer.DtProj.Bias.Detach().Double()).ToArray<double>(), v => Assert.Equal(1e-4, v, 8));
    }

    [Fact]
    public void Global_reinitialisation_keeps_dt_bias_and_redraws_the_rest()
    {
        var model = new MambaClassifier(new MambaConfig(16), layerCount: 2, generator: new Generator(4));
        var biases = model.Layers.Select(l => l.Mixer.DtProj.Bias.ToArray<float>()).ToList();
        var inProj = ((Linear)model.Layers[0].Mixer.InProj).Weight.ToArray<float>();
        var dtWeight = model.Layers[0].Mixer.DtProj.Weight.ToArray<float>();

        model.ResetParameters(new Generator(99));
        model.Apply(m => MambaInit.ResetModule(m, new Generator(98)));
        foreach (var layer in model.Layers) layer.Mixer.DtProj.ResetParameters(new Generator(97));

        for (var i = 0; i < biases.Count; i++) Assert.Equal(biases[i], model.Layers[i].Mixer.DtProj.Bias.ToArray<float>());
        Assert.NotEqual(inProj, ((Linear)model.Layers[0].Mixer.InProj).Weight.ToArray<float>());
        Assert.NotEqual(dtWeight, model.Layers[0].Mixer.DtProj.Weight.ToArray<float>());
        Assert.True(ParameterFlags.IsNoReinit(model.Layers[0].Mixer.DtProj.Bias));
        // Deliberate re-draw still possible.
        model.Layers[0].Mixer.DtProj.InitializeBias(new Generator(96));
        Assert.NotEqual(biases[0], model.Layers[0].Mixer.DtProj.Bias.ToArray<float>());
    }

    [Fact]
    public void Out_proj_is_rescaled_by_the_layer_count_and_linear_biases_start_at_zero()
    {
        var model = new MambaClassifier(new MambaConfig(64), layerCount: 4, generator: new Generator(5));
        var w = ((Linear)model.Layers[0].Mixer.OutProj).Weight.ToArray<double>();
        var bound = 1 / Math.Sqrt(128) / Math.Sqrt(4); // kaiming_uniform(a=√5) on fan_in 128, then /√n_layer
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max(Math.Abs) > 0.8 * bound);
        Assert.All(model.Head.Bias!.ToArray<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_log_and_D_are_the_no_weight_decay_parameters()
    {
        var model = new MambaClassifier(new MambaConfig(8), layerCount: 2, generator: new Generator(6));
        Assert.Equal(["layers.0.mixer.A_log", "layers.0.mixer.D", "layers.1.mixer.A_log", "layers.1.mixer.D"],
            model.NoWeightDecayParameterNames().OrderBy(n => n, StringComparer.Ordinal));
    }
}
