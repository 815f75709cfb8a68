using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class BaselineTests
{
    [Theory]
    [InlineData(RecurrentKind.Rnn)]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Baselines_use_the_same_heads_and_shapes(RecurrentKind kind)
    {
        var g = new Generator(2);
        var encoder = new RecurrentEncoder(kind, inputSize: 4, hidden: 5, generator: g);
        Assert.Equal(RecurrentEncoder.CountFor(kind, 4, 5), encoder.ParameterCount);
        var x = Torch.Randn(new[] { 3, 6, 4 }, g);
        Assert.Equal(new[] { 3, 2 }, new SequenceClassifier(encoder, 2, generator: g).Forward(x).Shape.ToArray());
        Assert.Equal(new[] { 3, 6, 7 }, new SequenceTagger(new RecurrentEncoder(kind, 4, 5, generator: g), 7, generator: g).Forward(x).Shape.ToArray());
    }

    [Fact]
    public void A_matched_LSTM_has_about_the_QRNN_parameter_count()
    {
        var qrnn = new SequenceClassifier(new QrnnEncoder(new Sim14(n: 10), inputSize: 28, hidden: 20, ControllerActivation.Gelu), 10);
        long target = qrnn.Parameters().Sum(p => (long)p.Numel);
        int hidden = RecurrentEncoder.HiddenForParameterCount(RecurrentKind.Lstm, 28, target, 10);
        var lstm = new SequenceClassifier(new RecurrentEncoder(RecurrentKind.Lstm, 28, hidden), 10);
        long count = lstm.Parameters().Sum(p => (long)p.Numel);
        Assert.True(Math.Abs(count - target) <= 4 * (28 + 2 * hidden + 12), $"LSTM {count} vs QRNN {target} (hidden {hidden})");
    }

    [Fact]
    public void Tagger_gradients_match_finite_differences()
    {
        var g = new Generator(4);
        var model = new SequenceTagger(new QrnnEncoder(new Sim14(n: 2), 2, 3, ControllerActivation.LeakyRelu, dtype: DType.Float64, generator: g), 3, DType.Float64, g);
        var x = Torch.Randn(new[] { 2, 3, 2 }, g, DType.Float64).RequiresGrad_();
        var report = GradCheck.Check(_ => model.Forward(x), model.Parameters().Cast<Tensor>().Append(x).ToArray(), atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }
}
