using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

/// <summary>
/// HQC-Mamba takes its quantum projections from .qc layers: by default those of src/QCircuitDsl.Models/Mamba/projection.qc,
/// or any other projection layer through a <see cref="QuantumProjectionFactory"/> (here ry_ring_projection.qc, local to
/// this test project).
/// </summary>
public sealed class QcProjectionModelTests
{
    private static MambaClassifier Model(QuantumProjectionOptions options, QuantumProjectionFactory? projections, long seed = 11) =>
        new(MambaTestModels.Tiny, layerCount: 2, quantum: MambaProjections.All, quantumOptions: options,
            generator: new Generator(seed), projections: projections);

    public static TheoryData<string> Settings => ["robust-probs", "robust-z", "paper-probs", "paper-z"];

    private static QuantumProjectionOptions Options(string setting)
    {
        var baseOptions = setting.StartsWith("paper", StringComparison.Ordinal) ? QuantumProjectionOptions.Paper : QuantumProjectionOptions.Robust;
        return baseOptions with { Readout = setting.EndsWith("probs", StringComparison.Ordinal) ? QuantumReadout.Probabilities : QuantumReadout.PauliZ };
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_model_built_from_the_qc_layers_equals_the_previous_hand_built_model(string setting)
    {
        var options = Options(setting);
        var fromQc = Model(options, projections: null);
        var handBuilt = Model(options, QcProjections.BuiltIn);

        var expectedType = options.Readout == QuantumReadout.Probabilities ? typeof(HqcProjectionProbs) : typeof(HqcProjection);
        foreach (var layer in fromQc.Layers)
            foreach (var projection in new[] { layer.Mixer.InProj, layer.Mixer.XProj, layer.Mixer.OutProj })
                Assert.IsType(expectedType, projection);
        Assert.All(handBuilt.Layers, l => Assert.IsType<QuantumProjection>(l.Mixer.InProj));

        // Same seed: same draws in the same order, so every parameter is identical under the same name.
        var a = fromQc.StateDict();
        var b = handBuilt.StateDict();
        Assert.Equal(b.Keys, a.Keys);
        foreach (var (name, tensor) in b) Assert.Equal(tensor.ToArray<float>(), a[name].ToArray<float>());

        var x = MambaTestModels.Input(2, 5, 1, DType.Float32, seed: 3);
        var ya = fromQc.Forward(x);
        var yb = handBuilt.Forward(x);
        Assert.Equal(yb.ToArray<float>(), ya.ToArray<float>());
        ya.Sum().Backward();
        yb.Sum().Backward();
        var ga = fromQc.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Grad!.ToArray<float>());
        foreach (var (name, p) in handBuilt.NamedParameters()) Assert.Equal(p.Grad!.ToArray<float>(), ga[name]);
    }

    [Fact]
    public void The_default_layers_have_the_encoders_qubit_count_and_the_requested_entangling_layers()
    {
        var model = Model(QuantumProjectionOptions.Robust with { Layers = 3 }, projections: null);
        var mixer = model.Layers[0].Mixer;
        // d_model 4 → in_proj 4 (+ bias amplitude) → 3 qubits; d_inner 8 (+1) → 4 qubits for x_proj and out_proj.
        Assert.Equal(3, ((QuantumProjection)mixer.InProj).Qubits);
        Assert.Equal(4, ((QuantumProjection)mixer.XProj).Qubits);
        Assert.Equal(3 * 4 * 3, ((QuantumProjection)mixer.OutProj).Quantum.Weight.Numel);
        Assert.Equal("strongly_entangling_probs", ((QuantumProjection)mixer.OutProj).Quantum.Circuit.Name);
    }

    [Fact]
    public void The_side_channel_encoding_saves_the_bias_qubit_at_power_of_two_widths_and_keeps_scale_and_sign()
    {
        var robust = QcProjections.Create(MambaProjections.XProj, 8, 5, QuantumProjectionOptions.Robust);
        var side = QcProjections.Create(MambaProjections.XProj, 8, 5, QuantumProjectionOptions.SideChannel, generator: new Generator(4));
        Assert.Equal(4, robust.Qubits);
        Assert.Equal(3, side.Qubits);
        var x = Torch.Randn([1, 8], new Generator(5));
        var outputs = new[] { x, -x, x * 3, Torch.Zeros(1, 8) }.Select(v => side.Forward(v).ToArray<float>()).ToArray();
        Assert.NotEqual(outputs[0], outputs[1]); // sign: mean(x) flips
        Assert.NotEqual(outputs[0], outputs[2]); // scale: ‖x‖ triples
        Assert.All(outputs[3], v => Assert.True(float.IsFinite(v)));
    }

    private static QuantumProjection RyRing(MambaProjections site, int inFeatures, int outFeatures, QuantumProjectionOptions options, DType dtype, Generator? generator) =>
        new RyRingProjection(inFeatures, outFeatures, AmplitudeEncoder.QubitsFor(inFeatures, options.BiasAmplitude is not null), layers: 2, options, dtype, generator);

    [Fact]
    public void A_projection_layer_from_another_qc_declaration_plugs_in()
    {
        var model = Model(QuantumProjectionOptions.Robust, RyRing);
        Assert.All(model.Layers, l => Assert.IsType<RyRingProjection>(l.Mixer.XProj));
        var state = model.StateDict();
        // ry_ring has one angle per qubit and layer: 2 layers × 4 qubits for x_proj (d_inner 8 + bias amplitude).
        Assert.Equal([8], state["layers.1.mixer.x_proj.quantum.weight"].Shape);
        // Readout ⟨X⟩, ⟨Z⟩ of 4 qubits = 8 values, plus the two side-channel values, into the Linear to dt_rank + 2·d_state = 7.
        Assert.Equal([7, 10], state["layers.1.mixer.x_proj.linear.weight"].Shape);
        var block = Assert.Single(model.ParameterReport().QuantumBlocks, b => b.Name == "layers.0.mixer.in_proj");
        Assert.Equal("ry_ring", block.CircuitName);
        Assert.Equal("⟨xz⟩ each[6]", block.Readout);

        // It computes what a projection hand-built around the same circuit computes (so the circuit is really used) …
        var handBuilt = Model(QuantumProjectionOptions.Robust, (site, i, o, options, dtype, g) =>
            new QuantumProjection(i, o, new RyRing(n: AmplitudeEncoder.QubitsFor(i, true), layers: 2), options, dtype, g));
        var x = MambaTestModels.Input(2, 4, 1, DType.Float32, seed: 5);
        var y = model.Forward(x);
        Assert.Equal(handBuilt.Forward(x).ToArray<float>(), y.ToArray<float>());
        // … which differs from the default model at the same seed, and trains: the circuit weights get gradients.
        Assert.NotEqual(Model(QuantumProjectionOptions.Robust, null).Forward(x).ToArray<float>(), y.ToArray<float>());
        y.Sum().Backward();
        foreach (var (name, p) in model.NamedParameters().Where(p => p.Name.EndsWith("quantum.weight", StringComparison.Ordinal)))
            Assert.True(p.Grad!.ToArray<float>().Any(v => v != 0), $"{name} got no gradient");
    }

    [Fact]
    public void Each_projection_stays_switchable_on_its_own()
    {
        var model = new MambaClassifier(MambaTestModels.Tiny, layerCount: 1, quantum: MambaProjections.XProj, generator: new Generator(2), projections: RyRing);
        var mixer = model.Layers[0].Mixer;
        Assert.IsType<Linear>(mixer.InProj);
        Assert.IsType<RyRingProjection>(mixer.XProj);
        Assert.IsType<Linear>(mixer.OutProj);
    }

    [Fact]
    public void A_factory_that_builds_the_wrong_width_is_rejected_naming_the_projection()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Model(QuantumProjectionOptions.Robust,
            (site, i, o, options, dtype, g) => new QuantumProjection(i, site == MambaProjections.XProj ? o + 1 : o, options, dtype, g)));
        Assert.Contains("for x_proj, expected 8 → 7", e.Message);
        Assert.Contains("QuantumProjection 8 → 8", e.Message);
    }

    [Fact]
    public void A_factory_that_returns_null_is_rejected_naming_the_projection()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Model(QuantumProjectionOptions.Robust, (_, _, _, _, _, _) => null!));
        Assert.Contains("returned null for in_proj", e.Message);
    }
}
