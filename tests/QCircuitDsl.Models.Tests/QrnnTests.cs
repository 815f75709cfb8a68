using QCircuitDsl.Models;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class QrnnTests
{
    private static SequenceClassifier Qrnn(int n, int inputSize, int hidden, int classes, ControllerActivation activation, DType dtype = DType.Float32,
        long seed = 3, int checkpointInterval = QuantumMemory.DefaultCheckpointInterval)
    {
        var g = new Generator(seed);
        return new SequenceClassifier(new QrnnEncoder(new Sim14(n: n), inputSize, hidden, activation, dtype: dtype, generator: g, checkpointInterval: checkpointInterval), classes, dtype, g);
    }

    private static SequenceClassifier Tiny(ControllerActivation activation, DType dtype, int checkpointInterval = QuantumMemory.DefaultCheckpointInterval, long seed = 3) =>
        Qrnn(2, 3, 4, 2, activation, dtype, seed, checkpointInterval);

    private static Tensor Inputs(int batch, int steps, int features, DType dtype, long seed = 11)
    {
        var g = new Generator(seed);
        return Torch.Randn(new[] { batch, steps, features }, g, dtype);
    }

    [Theory]
    [InlineData(ControllerActivation.Gelu)]
    [InlineData(ControllerActivation.LeakyRelu)]
    [InlineData(ControllerActivation.Glu)]
    [InlineData(ControllerActivation.None)]
    public void End_to_end_gradients_match_finite_differences(ControllerActivation activation)
    {
        var model = Tiny(activation, DType.Float64);
        var x = Inputs(2, 4, 3, DType.Float64).RequiresGrad_();
        var inputs = model.Parameters().Cast<Tensor>().Append(x).ToArray();
        var report = GradCheck.Check(_ => model.Forward(x), inputs, eps: 1e-6, atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Uncomputing_equals_stored_state_backpropagation_at_T_400()
    {
        // Interval 1 restores the exact stored state after every step: stored-state BPTT.
        // Interval 0 never restores: pure uncomputation over 400 steps in float32.
        var stored = Gradients(checkpointInterval: 1);
        var uncomputed = Gradients(checkpointInterval: 0);
        Assert.Equal(stored.Count, uncomputed.Count);
        foreach (var (name, reference) in stored)
        {
            var actual = uncomputed[name];
            double num = 0, den = 0;
            for (int i = 0; i < reference.Length; i++)
            {
                num += (actual[i] - reference[i]) * (actual[i] - reference[i]);
                den += reference[i] * reference[i];
            }

            Assert.True(Math.Sqrt(num) <= 1e-4 * Math.Sqrt(den) + 1e-9, $"{name}: relative error {Math.Sqrt(num / Math.Max(den, 1e-30)):G3}");
        }
    }

    private static Dictionary<string, float[]> Gradients(int checkpointInterval)
    {
        var model = Qrnn(4, 2, 6, 3, ControllerActivation.Gelu, seed: 5, checkpointInterval: checkpointInterval);
        var x = Inputs(3, 400, 2, DType.Float32, seed: 8) * 0.5;
        var target = Torch.Tensor(new long[] { 0, 2, 1 }, 3);
        Functional.CrossEntropy(model.Forward(x), target).Backward();
        return model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Grad!.ToArray<float>());
    }

    [Fact]
    public void Checkpoints_are_the_only_states_kept_and_their_number_follows_the_interval()
    {
        var memory = new QuantumMemory(new Sim14(n: 3), checkpointInterval: 10);
        var sequence = memory.Begin(2);
        var angles = Torch.Zeros(new[] { 2, 12 });
        for (int t = 0; t < 35; t++)
        {
            sequence.Step(angles);
        }

        Assert.Equal(3, sequence.CheckpointCount);
        var none = new QuantumMemory(new Sim14(n: 3), checkpointInterval: 0).Begin(2);
        for (int t = 0; t < 35; t++)
        {
            none.Step(angles);
        }

        Assert.Equal(0, none.CheckpointCount);
    }

    [Fact]
    public void Readouts_have_three_values_per_qubit_per_step_and_logits_the_class_count()
    {
        var model = Qrnn(3, 5, 8, 4, ControllerActivation.Relu, seed: 1);
        var x = Inputs(6, 7, 5, DType.Float32);
        var readouts = ((QrnnEncoder)model.Encoder).Cell.Forward(x);
        Assert.Equal(7, readouts.Count);
        Assert.All(readouts, z => Assert.Equal(new[] { 6, 9 }, z.Shape.ToArray()));
        Assert.All(readouts[^1].ToArray<float>(), v => Assert.InRange(v, -1.0001f, 1.0001f));
        Assert.Equal(new[] { 6, 4 }, model.Forward(x).Shape.ToArray());
        Assert.Contains("encoder.cell.controller.fc1.weight", model.NamedParameters().Select(p => p.Name));
        Assert.Contains("head.weight", model.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers()
    {
        float Run()
        {
            var model = Tiny(ControllerActivation.Gelu, DType.Float32, seed: 42);
            var loss = Functional.CrossEntropy(model.Forward(Inputs(4, 6, 3, DType.Float32)), Torch.Tensor(new long[] { 0, 1, 1, 0 }, 4));
            loss.Backward();
            return loss.Item<float>() + model.Parameters().Sum(p => p.Grad!.ToArray<float>().Sum());
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void A_tiny_QRNN_learns_a_synthetic_task_better_than_chance()
    {
        // Label: is the first element of the sequence positive? The answer must be carried through the
        // quantum memory across all later steps.
        var g = new Generator(7);
        const int batch = 64, steps = 5;
        var x = Torch.Randn(new[] { batch, steps, 1 }, g, DType.Float32);
        var first = x.Select(1, 0).ToArray<float>();
        var labels = Torch.Tensor(first.Select(v => v > 0 ? 1L : 0L).ToArray(), batch);
        var model = Qrnn(3, 1, 16, 2, ControllerActivation.Gelu, seed: 9);
        var optimizer = new Adam(model.Parameters(), lr: 0.05);
        for (int step = 0; step < 60; step++)
        {
            optimizer.ZeroGrad();
            var loss = Functional.CrossEntropy(model.Forward(x), labels);
            loss.Backward();
            optimizer.Step();
        }

        var predictions = model.Forward(x).Argmax(1).ToArray<long>();
        double accuracy = predictions.Zip(labels.ToArray<long>(), (p, l) => p == l ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy:P0} after training; chance is 50%");
    }

    [Fact]
    public void Bad_shapes_and_settings_are_rejected_with_the_argument_named()
    {
        var model = Tiny(ControllerActivation.Gelu, DType.Float32);
        var e = Assert.ThrowsAny<ArgumentException>(() => model.Forward(Torch.Zeros(new[] { 2, 3, 4 })));
        Assert.Equal("x", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantumMemory(new Sim14(n: 2), checkpointInterval: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantumMemory(new Sim14(n: 2)).Begin(0));
        var sequence = new QuantumMemory(new Sim14(n: 2)).Begin(2);
        Assert.Equal("angles", Assert.ThrowsAny<ArgumentException>(() => sequence.Step(Torch.Zeros(new[] { 2, 7 }))).ParamName);
        Assert.Equal("angles", Assert.ThrowsAny<ArgumentException>(() => sequence.Step(Torch.Zeros(new[] { 2, 8 }, DType.Float64))).ParamName);
    }
}

public sealed class QuantumSequenceContinuationTests
{
    [Fact]
    public void A_continued_sequence_starts_where_the_first_ended_and_backprop_stays_inside_each()
    {
        var memory = new QuantumMemory(new Sim14(n: 2), checkpointInterval: 0);
        var g = new Generator(3);
        var a1 = Torch.Randn(new[] { 2, 8 }, g, DType.Float64);
        var a2 = Torch.Randn(new[] { 2, 8 }, g, DType.Float64).RequiresGrad_();

        // Reference: one sequence of two steps.
        var whole = memory.Begin(2, DType.Float64);
        whole.Step(a1);
        var expected = whole.Step(a2).ToArray<double>();

        var first = memory.Begin(2, DType.Float64);
        first.Step(a1);
        var second = first.Continue();
        var z = second.Step(a2);
        Assert.Equal(expected, z.ToArray<double>());

        // The continued sequence's gradient matches finite differences, with the first sequence's state fixed.
        var report = GradCheck.Check(_ =>
        {
            var s = memory.Begin(2, DType.Float64);
            s.Step(a1);
            return s.Continue().Step(a2);
        }, new[] { a2 }, atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Continuing_after_the_backward_pass_is_refused()
    {
        var memory = new QuantumMemory(new Sim14(n: 2));
        var s = memory.Begin(1);
        var z = s.Step(Torch.Zeros(new[] { 1, 8 }).RequiresGrad_());
        z.Sum().Backward();
        Assert.Throws<InvalidOperationException>(() => s.Continue());
    }
}
