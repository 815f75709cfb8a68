using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Quantum;

/// <summary>The tensor bridge returns exactly what direct QuantumCircuit calls return, in float32 and float64.</summary>
public class QuantumAgreementTests
{
    [Fact]
    public void Float32_per_sample_readouts_and_gradients_equal_direct_engine_calls()
    {
        var circuit = TestCircuits.MixedCircuit();
        const int batch = 5;
        int pc = circuit.ParameterCount, r = circuit.ReadoutLength;
        var theta = Torch.Uniform([batch, pc], -3, 3, new Generator(11)).RequiresGrad_();
        var upstream = Torch.Uniform([batch, r], -1, 1, new Generator(12));

        var output = QuantumFunctional.Readout(circuit, theta);
        output.Backward(upstream);

        // The same computation by hand on the engine.
        var p = theta.ToArray<float>();
        var states = circuit.CreateStates<float>(batch);
        circuit.Forward<float>(states, p, ParameterLayout.PerSample);
        var readouts = new float[batch * r];
        circuit.Readout<float>(states, readouts);
        var adjoint = circuit.CreateStates<float>(batch);
        circuit.ReadoutBackward<float>(states, upstream.ToArray<float>(), adjoint);
        var gradient = new float[batch * pc];
        circuit.Backward<float>(states, adjoint, p, ParameterLayout.PerSample, gradient);

        Assert.Equal(DType.Float32, output.DType);
        Assert.Equal([batch, r], output.Shape);
        Assert.Equal(readouts, output.ToArray<float>());
        Assert.Equal(gradient, theta.Grad!.ToArray<float>());
    }

    [Fact]
    public void Float64_amplitude_input_gradients_equal_direct_engine_calls()
    {
        var circuit = TestCircuits.EncodedCircuit();
        const int batch = 3;
        var w = Torch.Uniform([circuit.ParameterCount], -3, 3, new Generator(13), DType.Float64).RequiresGrad_();
        var x = Torch.Uniform([batch, circuit.InputLength], 0.1, 1, new Generator(14), DType.Float64).RequiresGrad_();
        var upstream = Torch.Uniform([batch, circuit.ReadoutLength], -1, 1, new Generator(15), DType.Float64);

        QuantumFunctional.Readout(circuit, w, x).Backward(upstream);

        var xs = x.ToArray<double>();
        var states = circuit.CreateStates<double>(batch);
        circuit.EncodeInputs<double>(states, xs);
        circuit.Forward<double>(states, w.ToArray<double>(), ParameterLayout.Shared);
        var adjoint = circuit.CreateStates<double>(batch);
        circuit.ReadoutBackward<double>(states, upstream.ToArray<double>(), adjoint);
        var gw = new double[circuit.ParameterCount];
        circuit.Backward<double>(states, adjoint, w.ToArray<double>(), ParameterLayout.Shared, gw);
        var gx = new double[xs.Length];
        circuit.EncodeInputsBackward<double>(xs, adjoint, gx);

        Assert.Equal(gw, w.Grad!.ToArray<double>());
        Assert.Equal(gx, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void A_retained_graph_gives_the_same_gradient_on_every_backward()
    {
        // Backward uncomputes the saved states in place, so a second pass must rebuild them rather than reuse them.
        var circuit = TestCircuits.MixedCircuit();
        var theta = Torch.Uniform([2, circuit.ParameterCount], -3, 3, new Generator(16), DType.Float64).RequiresGrad_();
        var loss = QuantumFunctional.Readout(circuit, theta).Square().Sum();
        loss.Backward(retainGraph: true);
        var first = theta.Grad!.ToArray<double>();
        theta.Grad = null;
        loss.Backward();
        Assert.Equal(first, theta.Grad!.ToArray<double>());
    }

    [Fact]
    public void Quantum_layer_has_a_weight_parameter_drawn_in_one_period_from_the_generator()
    {
        var circuit = TestCircuits.EncodedCircuit();
        var a = new QuantumLayer(circuit, generator: new Generator(21));
        var b = new QuantumLayer(circuit, generator: new Generator(21));
        var names = a.NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(["weight"], names);
        Assert.Equal([circuit.ParameterCount], a.Weight.Shape);
        Assert.Equal(a.Weight.ToArray<float>(), b.Weight.ToArray<float>());
        Assert.All(a.Weight.ToArray<float>(), v => Assert.InRange(v, 0f, (float)(2 * Math.PI)));
        Assert.NotEqual(a.Weight.ToArray<float>(), new QuantumLayer(circuit, generator: new Generator(22)).Weight.ToArray<float>());
    }

    [Fact]
    public void Quantum_layer_trains_its_weight_towards_a_target_readout()
    {
        var circuit = TestCircuits.EncodedCircuit();
        var layer = new QuantumLayer(circuit, DType.Float64, new Generator(31));
        var x = Torch.Uniform([4, circuit.InputLength], 0.1, 1, new Generator(32), DType.Float64);
        var target = Torch.Full([4, circuit.ReadoutLength], 0.25, DType.Float64);
        var optimizer = new QCircuitDsl.Runtime.Optim.Adam(layer.Parameters(), lr: 0.05);
        double Loss() => Functional.MseLoss(layer.Forward(x), target).ToDouble();
        var before = Loss();
        for (int i = 0; i < 40; i++)
        {
            optimizer.ZeroGrad();
            Functional.MseLoss(layer.Forward(x), target).Backward();
            optimizer.Step();
        }
        Assert.True(Loss() < 0.5 * before, $"loss {before} -> {Loss()}");
    }

    [Fact]
    public void Shape_and_dtype_mistakes_are_reported_with_the_expected_shapes()
    {
        var circuit = TestCircuits.EncodedCircuit();
        var ex = Assert.Throws<ArgumentException>(() => QuantumFunctional.Readout(circuit, Torch.Zeros(3), Torch.Ones(2, 3)));
        Assert.Contains("expected [4] (shared) or [B, 4] (per sample)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => QuantumFunctional.Readout(circuit, Torch.Zeros(4)));
        Assert.Contains("amplitude input of length 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => QuantumFunctional.Readout(circuit, Torch.Zeros(4), Torch.Ones([2, 3], DType.Float64)));
        Assert.Contains("expected one dtype per call", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => QuantumFunctional.Readout(circuit, Torch.Zeros(2, 4), Torch.Ones(3, 3)));
        Assert.Contains("batch 2 but the input has batch 3", ex.Message);
    }
}
