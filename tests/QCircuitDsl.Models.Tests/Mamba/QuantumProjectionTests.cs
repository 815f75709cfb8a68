using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class QuantumProjectionTests
{
    private static readonly QuantumProjectionOptions Plain = QuantumProjectionOptions.Paper;
    private static readonly QuantumProjectionOptions BiasOnly = new() { NormSideChannel = false };
    private static readonly QuantumProjectionOptions SideOnly = new() { BiasAmplitude = null };
    private static readonly QuantumProjectionOptions Both = QuantumProjectionOptions.Robust;

    public static TheoryData<string> OptionNames => ["plain", "bias", "side", "both", "plain-z", "both-z", "bias-3-layers"];

    private static QuantumProjectionOptions Named(string name) => name switch
    {
        "plain" => Plain,
        "bias" => BiasOnly,
        "side" => SideOnly,
        "both" => Both,
        "plain-z" => Plain with { Readout = QuantumReadout.PauliZ },
        "both-z" => Both with { Readout = QuantumReadout.PauliZ, OutputBias = true },
        "bias-3-layers" => BiasOnly with { Layers = 3, BiasAmplitude = -0.5 },
        _ => throw new ArgumentException(name),
    };

    private static QuantumProjection Make(int inFeatures, int outFeatures, QuantumProjectionOptions options, long seed = 1) =>
        new(inFeatures, outFeatures, options, DType.Float64, new Generator(seed));

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void GradCheck_passes_for_input_circuit_weights_and_linear(string option)
    {
        var projection = Make(5, 3, Named(option));
        var x = MambaTestModels.Input(2, 3, 5, DType.Float64, seed: 2).RequiresGrad_();
        var inputs = projection.Parameters().Cast<Tensor>().Append(x).ToArray();
        var report = GradCheck.Check(_ => projection.Forward(x), inputs, eps: 1e-6, atol: 1e-7, rtol: 1e-5);
        Assert.True(report.Passed, report.ToString());
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Zero_and_constant_inputs_give_finite_outputs_and_gradients(string option)
    {
        var projection = Make(4, 3, Named(option));
        var x = Torch.Tensor(new double[] { 0, 0, 0, 0, 1, 1, 1, 1, -2, -2, -2, -2, 1e-30, 0, 0, 0 }, 4, 4).RequiresGrad_();
        var y = projection.Forward(x);
        y.Sum().Backward();
        Assert.All(y.ToArray<double>(), v => Assert.True(double.IsFinite(v)));
        Assert.All(x.Grad!.ToArray<double>(), v => Assert.True(double.IsFinite(v)));
        Assert.All(projection.Quantum.Weight.Grad!.ToArray<double>(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Without_a_bias_amplitude_a_zero_vector_encodes_to_the_first_basis_state_with_zero_gradient()
    {
        var x = Torch.Zeros([2, 3], DType.Float64).RequiresGrad_();
        var (state, norm) = AmplitudeEncoder.Encode(x, qubits: 2, biasAmplitude: null);
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 0], state.Select(0, 0).Flatten().ToArray<double>());
        Assert.Equal([0.0, 0.0], norm.Flatten().ToArray<double>());
        (state.Sum() + norm.Sum()).Backward();
        Assert.All(x.Grad!.ToArray<double>(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void The_plain_encoding_cannot_tell_x_from_minus_x_or_2x()
    {
        var (x, minus, twice) = SignAndScaleOutputs(Plain);
        SelectiveScanTests.AssertClose(x, minus, 1e-12, "-x");
        SelectiveScanTests.AssertClose(x, twice, 1e-12, "2x");
    }

    [Theory]
    [InlineData("side")]
    [InlineData("bias")]
    [InlineData("both")]
    public void Side_channel_and_bias_amplitude_tell_x_minus_x_and_2x_apart(string option)
    {
        var (x, minus, twice) = SignAndScaleOutputs(Named(option));
        Assert.True(MaxDifference(x, minus) > 1e-3, $"x vs -x: {MaxDifference(x, minus)}");
        Assert.True(MaxDifference(x, twice) > 1e-3, $"x vs 2x: {MaxDifference(x, twice)}");
        Assert.True(MaxDifference(minus, twice) > 1e-3, $"-x vs 2x: {MaxDifference(minus, twice)}");
    }

    private static (Tensor X, Tensor Minus, Tensor Twice) SignAndScaleOutputs(QuantumProjectionOptions options)
    {
        var projection = Make(6, 4, options, seed: 3);
        // A vector with nonzero mean: the side channel's sign carrier.
        var x = Torch.Tensor(new[] { 0.9, -0.2, 0.4, 0.1, -0.3, 0.6 }, 1, 6);
        return (projection.Forward(x), projection.Forward(-x), projection.Forward(x * 2.0));
    }

    [Fact]
    public void With_one_feature_only_the_bias_amplitude_keeps_the_value()
    {
        var pixels = Torch.Tensor(new[] { 0.3, 0.7 }, 2, 1);
        var plain = Make(1, 4, Plain).Forward(pixels);
        Assert.True(MaxDifference(plain.Select(0, 0), plain.Select(0, 1)) < 1e-12, "plain encoding maps every positive pixel to |0⟩");
        var biased = Make(1, 4, BiasOnly).Forward(pixels);
        Assert.True(MaxDifference(biased.Select(0, 0), biased.Select(0, 1)) > 1e-3, "bias amplitude keeps the pixel value");
    }

    [Fact]
    public void Readout_size_and_qubits_follow_the_options()
    {
        var probs = Make(6, 4, Plain);
        Assert.Equal(3, probs.Qubits);
        Assert.Equal(8, probs.ClassicalFeatures);
        var z = Make(8, 4, Both with { Readout = QuantumReadout.PauliZ });
        Assert.Equal(4, z.Qubits); // 8 features + bias amplitude need 9 ≤ 16 amplitudes
        Assert.Equal(4 + 2, z.ClassicalFeatures);
        Assert.Equal(2 * 4 * 3, z.Quantum.Weight.Numel);
    }

    [Fact]
    public void Hybrid_block_with_all_three_projections_quantum_passes_GradCheck()
    {
        var block = new ResidualBlock(MambaTestModels.Tiny, MambaProjections.All, QuantumProjectionOptions.Robust, DType.Float64, new Generator(4));
        using (Torch.NoGrad()) block.Mixer.DtProj.Bias.Fill_(0.3);
        var x = MambaTestModels.Input(1, 4, 4, DType.Float64, seed: 5).RequiresGrad_();
        var inputs = block.Parameters().Cast<Tensor>().Append(x).ToArray();
        var report = GradCheck.Check(_ => block.Forward(x), inputs, eps: 1e-6, atol: 1e-7, rtol: 1e-5);
        Assert.True(report.Passed, report.ToString());
    }

    private static double MaxDifference(Tensor a, Tensor b)
    {
        var x = a.ToArray<double>();
        var y = b.ToArray<double>();
        return x.Zip(y, (p, q) => Math.Abs(p - q)).Max();
    }
}
