using QCircuitDsl.Quantum;

namespace QCircuitDsl.Engines.Tests;

/// <summary>Errors that only arguments reveal surface when a generated class is constructed, naming the .qc line.</summary>
public sealed class ConstructionTests
{
    [Fact]
    public void An_index_out_of_range_for_these_arguments_names_the_qc_line()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new OffByOne(3));
        Assert.Contains("construction_checks.qc(13,", e.Message);
        Assert.Contains("out of range", e.Message);
        Assert.Contains("'q'", e.Message);
    }

    [Fact]
    public void A_register_of_size_zero_is_rejected_with_the_line()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new Ladder(0));
        Assert.Contains("construction_checks.qc(4,", e.Message);
    }

    [Fact]
    public void Default_arguments_match_the_declared_defaults()
    {
        var c = new Sim14();
        Assert.Equal(4, c.QubitCount);
        Assert.Equal(16, c.ParameterCount);
        Assert.Equal(12, c.ReadoutLength);
        Assert.Equal("sim14", Sim14.CircuitName);
    }

    [Fact]
    public void Wrong_parameter_length_names_the_argument()
    {
        var c = new Sim14();
        var states = c.CreateStates<double>(2);
        var e = Assert.ThrowsAny<ArgumentException>(() => c.Forward<double>(states, new double[15], ParameterLayout.Shared));
        Assert.Equal("parameters", e.ParamName);
        e = Assert.ThrowsAny<ArgumentException>(() => c.Forward<double>(states, new double[16], ParameterLayout.PerSample));
        Assert.Equal("parameters", e.ParamName);
    }

    [Fact]
    public void A_batch_of_zero_is_rejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new Bell().CreateStates<float>(0));
        Assert.Equal("batchSize", e.ParamName);
    }

    [Fact]
    public void Non_finite_parameters_are_rejected()
    {
        var c = new Sim01();
        var states = c.CreateStates<double>(1);
        var p = new double[c.ParameterCount];
        p[3] = double.NaN;
        Assert.ThrowsAny<ArgumentException>(() => c.Forward<double>(states, p, ParameterLayout.Shared));
        p[3] = double.PositiveInfinity;
        Assert.ThrowsAny<ArgumentException>(() => c.Forward<double>(states, p, ParameterLayout.Shared));
    }

    [Fact]
    public void A_zero_norm_amplitude_input_names_the_sample()
    {
        var c = new AmplitudeProjection();
        var states = c.CreateStates<double>(2);
        var inputs = new double[2 * c.InputLength];
        inputs[0] = 1;
        var e = Assert.ThrowsAny<ArgumentException>(() => c.EncodeInputs<double>(states, inputs));
        Assert.Equal("inputs", e.ParamName);
        Assert.Contains("1", e.Message);
    }
}
