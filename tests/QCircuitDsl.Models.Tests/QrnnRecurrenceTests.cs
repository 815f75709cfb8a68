using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

/// <summary>
/// The fused recurrence (QrnnCell.ForwardSequence / ForwardLast): it must give the numbers of the
/// step-by-step cell, whose per-step autograd graph is the reference, with every controller activation,
/// with input dropout and with any checkpoint interval.
/// </summary>
public sealed class QrnnRecurrenceTests
{
    private const int Qubits = 3, Features = 4, Hidden = 5, Classes = 3, Batch = 4;

    private static QrnnEncoder Encoder(ControllerActivation activation, double dropout, int checkpointInterval, bool stepByStep, DType dtype = DType.Float32) =>
        new(new Sim14(n: Qubits), Features, Hidden, activation, dropout, dtype, new Generator(21), checkpointInterval, new Generator(77)) { StepByStep = stepByStep };

    private static Tensor Inputs(int steps, DType dtype = DType.Float32) =>
        (Torch.Randn(new[] { Batch, steps, Features }, new Generator(13), dtype) * 0.7).RequiresGrad_();

    /// <summary>Loss over every readout (tagger) or the last one (classifier); returns it with all gradients.</summary>
    private static (double Loss, Dictionary<string, float[]> Grads) Run(QrnnEncoder encoder, bool everyStep, int steps)
    {
        var x = Inputs(steps);
        var targets = Torch.Tensor(Enumerable.Range(0, Batch * (everyStep ? steps : 1)).Select(i => (long)(i * 7 % Classes)).ToArray(),
            everyStep ? new[] { Batch, steps } : new[] { Batch });
        var head = new Linear(encoder.OutputSize, Classes, generator: new Generator(5));
        var logits = everyStep ? head.Forward(encoder.Forward(x)) : head.Forward(encoder.ForwardLast(x));
        var loss = Functional.CrossEntropy(logits, targets, classDim: -1);
        loss.Backward();
        var grads = encoder.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Grad!.ToArray<float>());
        grads["x"] = x.Grad!.ToArray<float>();
        return (loss.Item<float>(), grads);
    }

    private static void AssertClose(Dictionary<string, float[]> expected, Dictionary<string, float[]> actual, double tolerance)
    {
        Assert.Equal(expected.Keys.OrderBy(k => k), actual.Keys.OrderBy(k => k));
        foreach (var (name, reference) in expected)
        {
            var value = actual[name];
            double num = 0, den = 0;
            for (int i = 0; i < reference.Length; i++)
            {
                num += (value[i] - reference[i]) * (double)(value[i] - reference[i]);
                den += reference[i] * (double)reference[i];
            }

            Assert.True(den > 0, $"{name}: the reference gradient is zero, so the comparison would prove nothing");
            Assert.True(Math.Sqrt(num) <= tolerance * Math.Sqrt(den), $"{name}: relative difference {Math.Sqrt(num / den):G3}");
        }
    }

    [Theory]
    [InlineData(ControllerActivation.Relu, 0.0, 0, true)]
    [InlineData(ControllerActivation.LeakyRelu, 0.0, 4, false)]
    [InlineData(ControllerActivation.Gelu, 0.0, 1, true)]
    [InlineData(ControllerActivation.Glu, 0.0, 3, false)]
    [InlineData(ControllerActivation.None, 0.0, 25, true)]
    [InlineData(ControllerActivation.Relu, 0.3, 4, false)]
    [InlineData(ControllerActivation.LeakyRelu, 0.3, 0, true)]
    [InlineData(ControllerActivation.Gelu, 0.25, 3, false)]
    [InlineData(ControllerActivation.Glu, 0.25, 1, true)]
    [InlineData(ControllerActivation.None, 0.5, 5, false)]
    public void Fused_gradients_equal_the_step_by_step_graphs(ControllerActivation activation, double dropout, int checkpointInterval, bool everyStep)
    {
        const int steps = 17;
        var reference = Run(Encoder(activation, dropout, checkpointInterval, stepByStep: true), everyStep, steps);
        var fused = Run(Encoder(activation, dropout, checkpointInterval, stepByStep: false), everyStep, steps);
        Assert.Equal(reference.Loss, fused.Loss, 6);
        AssertClose(reference.Grads, fused.Grads, 1e-5);
    }

    [Fact]
    public void Training_with_the_fused_recurrence_follows_step_by_step_training()
    {
        // Ten Adam steps of a tagger with dropout and checkpoints: float rounding differs between the paths
        // (summation order), so parameters drift apart slowly, but far less than one step moves them.
        float[] Train(bool stepByStep)
        {
            var encoder = Encoder(ControllerActivation.Gelu, 0.2, 4, stepByStep);
            var tagger = new SequenceTagger(encoder, Classes, generator: new Generator(6));
            var optimizer = new QCircuitDsl.Runtime.Optim.Adam(tagger.Parameters(), lr: 1e-2);
            var x = Inputs(12).Detach();
            var targets = Torch.Tensor(Enumerable.Range(0, Batch * 12).Select(i => (long)(i * 5 % Classes)).ToArray(), Batch, 12);
            for (int step = 0; step < 10; step++)
            {
                optimizer.ZeroGrad();
                Functional.CrossEntropy(tagger.Forward(x), targets, classDim: -1).Backward();
                optimizer.Step();
            }

            return tagger.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();
        }

        var reference = Train(stepByStep: true);
        var fused = Train(stepByStep: false);
        double worst = reference.Zip(fused, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"largest parameter difference after 10 steps: {worst:G3} (one step of Adam at lr 1e-2 moves a parameter by up to 1e-2)");
    }

    [Fact]
    public void Fused_readouts_are_the_step_by_step_readouts_and_dropout_is_off_in_evaluation()
    {
        var stepwise = Encoder(ControllerActivation.Gelu, 0.4, 3, stepByStep: true);
        var fused = Encoder(ControllerActivation.Gelu, 0.4, 3, stepByStep: false);
        var x = Inputs(9).Detach();
        AssertNear(stepwise.Forward(x).ToArray<float>(), fused.Forward(x).ToArray<float>());
        stepwise.Eval();
        fused.Eval();
        var last = fused.ForwardLast(x).ToArray<float>();
        AssertNear(stepwise.Forward(x).Select(1, 8).ToArray<float>(), last);
        Assert.Equal(fused.Forward(x).Select(1, 8).ToArray<float>(), last);
    }

    private static void AssertNear(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6, $"element {i}: {actual[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData(ControllerActivation.Gelu, 0.0, 0)]
    [InlineData(ControllerActivation.Glu, 0.3, 2)]
    [InlineData(ControllerActivation.LeakyRelu, 0.3, 3)]
    public void Fused_gradients_match_finite_differences_in_float64(ControllerActivation activation, double dropout, int checkpointInterval)
    {
        var dropoutGenerator = new Generator(8);
        var encoder = new QrnnEncoder(new Sim14(n: 2), 3, 4, activation, dropout, DType.Float64, new Generator(2), checkpointInterval, dropoutGenerator);
        var x = Torch.Randn(new[] { 2, 5, 3 }, new Generator(4), DType.Float64).RequiresGrad_();
        var inputs = encoder.Parameters().Cast<Tensor>().Append(x).ToArray();
        var report = GradCheck.Check(_ =>
        {
            dropoutGenerator.ManualSeed(8); // every evaluation draws the same masks
            return encoder.Forward(x);
        }, inputs, eps: 1e-6, atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_losses_and_gradients()
    {
        var a = Run(Encoder(ControllerActivation.Gelu, 0.3, 4, stepByStep: false), everyStep: false, steps: 11);
        var b = Run(Encoder(ControllerActivation.Gelu, 0.3, 4, stepByStep: false), everyStep: false, steps: 11);
        Assert.Equal(a.Loss, b.Loss);
        foreach (var (name, values) in a.Grads)
        {
            Assert.Equal(values, b.Grads[name]);
        }
    }

    [Fact]
    public void A_second_backward_over_a_retained_graph_replays_the_sequence_and_gives_the_same_gradients()
    {
        var encoder = Encoder(ControllerActivation.Relu, 0.3, 3, stepByStep: false);
        var x = Inputs(8);
        var loss = (encoder.ForwardLast(x) * encoder.ForwardLast(x).Detach()).Sum();
        loss.Backward(retainGraph: true);
        var first = encoder.Parameters().Select(p => p.Grad!.ToArray<float>()).ToArray();
        foreach (var p in encoder.Parameters()) p.Grad = null;
        loss.Backward();
        var second = encoder.Parameters().Select(p => p.Grad!.ToArray<float>()).ToArray();
        Assert.Equal(first, second);
        Assert.ThrowsAny<InvalidOperationException>(() => loss.Backward());
    }

    [Fact]
    public void The_graph_holds_one_node_for_the_whole_sequence_whatever_its_length()
    {
        var encoder = Encoder(ControllerActivation.Gelu, 0.0, 4, stepByStep: false);
        foreach (int steps in new[] { 3, 40 })
        {
            var z = encoder.ForwardLast(Inputs(steps));
            Assert.Equal("QrnnRecurrenceBackward", z.GradFn!.Name);
            // x and the four controller parameters are leaves: nothing per step hangs below the node.
            Assert.Equal(5, z.GradFn.NextFunctions.Count);
            Assert.All(z.GradFn.NextFunctions, next => Assert.Null(next));
            Assert.Equal(steps, encoder.Cell.LastSequence!.Steps);
            // Every 4th step, except the last, whose state is live when the backward pass starts.
            Assert.Equal((steps - 1) / 4, encoder.Cell.LastSequence.CheckpointCount);
        }
    }

    [Fact]
    public void The_quantum_time_and_state_gradient_norms_are_recorded_as_by_the_step_by_step_cell()
    {
        var stepwise = Encoder(ControllerActivation.Gelu, 0.0, 0, stepByStep: true);
        var fused = Encoder(ControllerActivation.Gelu, 0.0, 0, stepByStep: false);
        var x = Inputs(6).Detach();
        stepwise.ForwardLast(x).Sum().Backward();
        fused.ForwardLast(x).Sum().Backward();
        var expected = stepwise.Cell.LastSequence!.StateGradientNorms;
        var actual = fused.Cell.LastSequence!.StateGradientNorms;
        Assert.Equal(expected.Keys.OrderBy(k => k), actual.Keys.OrderBy(k => k));
        foreach (var (step, norm) in expected)
        {
            Assert.Equal(norm, actual[step], 5);
        }

        Assert.True(fused.Cell.LastSequenceQuantumSeconds > 0);
        Assert.True(fused.Cell.LastSequence.ControllerSeconds > 0);
        Assert.Equal(0, stepwise.Cell.LastSequence.ControllerSeconds); // its controller is ordinary autograd
    }

    [Fact]
    public void Bad_sequences_are_rejected_with_the_argument_named()
    {
        var encoder = Encoder(ControllerActivation.Gelu, 0.0, 4, stepByStep: false);
        var empty = Assert.ThrowsAny<ArgumentException>(() => encoder.Cell.ForwardSequence(Torch.Zeros(new[] { 2, 0, Features })));
        Assert.Equal("x", empty.ParamName);
        Assert.Contains("no time steps", empty.Message);
        var wrongType = Assert.ThrowsAny<ArgumentException>(() => encoder.Cell.ForwardLast(Torch.Zeros(new[] { 2, 3, Features }, DType.Float64)));
        Assert.Equal("x", wrongType.ParamName);
        Assert.Contains("Float64", wrongType.Message);
        var wrongWidth = Assert.ThrowsAny<ArgumentException>(() => encoder.Cell.ForwardLast(Torch.Zeros(new[] { 2, 3, Features + 1 })));
        Assert.Equal("x", wrongWidth.ParamName);
    }

    [Fact]
    public void A_cell_whose_feedback_is_not_its_readout_must_be_driven_step_by_step()
    {
        // The language model feeds back a transformed readout; the fused recurrence feeds back z itself.
        var cell = new QrnnCell(new Sim14(n: Qubits), Features, Hidden, ControllerActivation.Gelu, feedbackSize: 5);
        var x = Torch.Zeros(new[] { 2, 3, Features });
        Assert.Contains("step by step with Step()", Assert.Throws<InvalidOperationException>(() => cell.ForwardSequence(x)).Message);
        Assert.Contains("step by step with Step()", Assert.Throws<InvalidOperationException>(() => cell.ForwardLast(x)).Message);
        Assert.Contains("step by step with Step()", Assert.Throws<InvalidOperationException>(() => cell.Forward(x)).Message);
    }

    [Fact]
    public void A_streaming_tape_refuses_single_steps_and_steps_out_of_order()
    {
        var circuit = new Sim14(n: 2);
        var tape = new QuantumMemoryTape<float>(circuit, 1, checkpointInterval: 0);
        var angles = new float[circuit.ParameterCount];
        var readouts = new float[circuit.ReadoutLength];
        var gradient = new float[circuit.ParameterCount];
        tape.Advance(angles, readouts);
        tape.Advance(angles, readouts);
        Assert.Contains("fused recurrence", Assert.Throws<InvalidOperationException>(() => tape.Forward(angles)).Message);
        Assert.Contains("nothing to replay", Assert.Throws<InvalidOperationException>(() => tape.Replay(angles)).Message);
        tape.BeginBackward();
        Assert.Contains("expected step 2, got 1", Assert.Throws<InvalidOperationException>(() => tape.Retreat(1, readouts, angles, gradient)).Message);
        tape.Retreat(2, readouts, angles, gradient);
        Assert.Contains("state is at step 1", Assert.Throws<InvalidOperationException>(() => tape.BeginBackward()).Message);

        var stepped = new QuantumMemoryTape<float>(circuit, 1, checkpointInterval: 0);
        stepped.Forward(angles);
        Assert.Contains("cannot also stream", Assert.Throws<InvalidOperationException>(() => stepped.Advance(angles, readouts)).Message);
    }
}
