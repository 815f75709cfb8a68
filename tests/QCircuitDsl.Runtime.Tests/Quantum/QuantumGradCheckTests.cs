using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Quantum;

/// <summary>The adjoint-method backward of the quantum bridge against central finite differences (float64).</summary>
public class QuantumGradCheckTests
{
    private static Tensor Random(long seed, double low, double high, params int[] shape) =>
        Torch.Uniform(shape, low, high, new Generator(seed), DType.Float64, requiresGrad: true);

    [Fact]
    public void Per_sample_parameters_match_finite_differences_for_every_readout_kind()
    {
        var circuit = TestCircuits.MixedCircuit();
        Assert.Equal(9 + 1 + 4, circuit.ReadoutLength);
        var theta = Random(1, -Math.PI, Math.PI, 3, circuit.ParameterCount);
        var report = GradCheck.Check(p => QuantumFunctional.Readout(circuit, p), theta);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(3 * 14 * 3 * 9, report.EntriesChecked);
    }

    [Fact]
    public void Shared_parameters_sum_their_gradient_over_the_batch()
    {
        var circuit = TestCircuits.MixedCircuit();
        var theta = Random(2, -Math.PI, Math.PI, circuit.ParameterCount);
        // B = 4 identical runs: the readout Jacobian of the shared vector has every sample's rows.
        var report = GradCheck.Check(p => QuantumFunctional.Readout(circuit, p, batchSize: 4), theta);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Amplitude_inputs_and_shared_weights_both_get_gradients()
    {
        var circuit = TestCircuits.EncodedCircuit();
        var weights = Random(3, -Math.PI, Math.PI, circuit.ParameterCount);
        var x = Random(4, 0.2, 1.5, 3, 3); // away from zero norm
        var report = GradCheck.Check(xs => QuantumFunctional.Readout(circuit, xs[0], xs[1]), [weights, x]);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Amplitude_inputs_with_per_sample_parameters()
    {
        var circuit = TestCircuits.EncodedCircuit();
        var weights = Random(5, -Math.PI, Math.PI, 2, circuit.ParameterCount);
        var x = Random(6, -1.5, 1.5, 2, 3);
        var report = GradCheck.Check(xs => QuantumFunctional.Readout(circuit, xs[0], xs[1]), [weights, x]);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Input_states_get_the_adjoint_as_their_gradient()
    {
        var circuit = TestCircuits.MixedCircuit();
        var theta = Random(7, -Math.PI, Math.PI, 2, circuit.ParameterCount);
        var state = Random(8, -1, 1, 2, circuit.Dimension, 2);
        var report = GradCheck.Check(xs => QuantumFunctional.ReadoutFromState(circuit, xs[0], xs[1]), [theta, state]);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_wrong_gradient_would_be_caught()
    {
        // Guards the tests above against a check that cannot fail: a dependence on the parameters that the
        // backward does not know about (hidden behind Detach) must be reported.
        var circuit = TestCircuits.MixedCircuit();
        var theta = Random(9, -Math.PI, Math.PI, 1, circuit.ParameterCount);
        var broken = GradCheck.Check(p => QuantumFunctional.Readout(circuit, p) + p.Detach().Sum() * 1e-3, theta, raiseOnFailure: false);
        Assert.False(broken.Passed);
    }
}
