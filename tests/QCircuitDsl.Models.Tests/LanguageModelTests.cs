using QCircuitDsl.Models.LanguageModel;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class LanguageModelTests
{
    private static QrnnLanguageModel Model(long seed = 1) =>
        new(new Sim14(n: 3), vocabulary: 6, embedding: 4, hidden: 8, feedback: 5, ControllerActivation.LeakyRelu, generator: new Generator(seed));

    [Fact]
    public void Logits_cover_every_step_and_the_vocabulary()
    {
        var model = Model();
        var tokens = Torch.Tensor(new long[] { 0, 1, 2, 3, 4, 5, 1, 2 }, 2, 4);
        var (logits, state) = model.Forward(tokens);
        Assert.Equal(new[] { 2, 4, 6 }, logits.Shape.ToArray());
        Assert.Equal(new[] { 2, 5 }, state.Feedback.Shape.ToArray());
        Assert.False(state.Feedback.RequiresGrad);
    }

    [Fact]
    public void Chunks_continue_the_state_and_truncated_backprop_trains_across_them()
    {
        // A cyclic sequence 0,1,2,3,0,1,... : the next token is predictable from the state.
        var model = Model(seed: 4);
        var optimizer = new Adam(model.Parameters(), lr: 0.03);
        var stream = Enumerable.Range(0, 2 * 41).Select(i => (long)(i % 4)).ToArray();
        double firstLoss = 0, lastLoss = 0;
        for (int epoch = 0; epoch < 25; epoch++)
        {
            LanguageModelState? state = null;
            double total = 0;
            for (int chunk = 0; chunk < 4; chunk++)
            {
                var input = Torch.Tensor(Enumerable.Range(0, 2).SelectMany(b => stream.Skip(b * 41 + chunk * 10).Take(10)).ToArray(), 2, 10);
                var target = Torch.Tensor(Enumerable.Range(0, 2).SelectMany(b => stream.Skip(b * 41 + chunk * 10 + 1).Take(10)).ToArray(), 2, 10);
                optimizer.ZeroGrad();
                (var logits, state) = model.Forward(input, state);
                var loss = Functional.CrossEntropy(logits, target, classDim: -1);
                loss.Backward();
                optimizer.Step();
                total += loss.Item<float>();
            }

            if (epoch == 0)
            {
                firstLoss = total / 4;
            }

            lastLoss = total / 4;
        }

        Assert.True(lastLoss < 0.5 * firstLoss && lastLoss < Math.Log(4), $"loss {firstLoss:F3} → {lastLoss:F3}; a uniform guess over 4 tokens is {Math.Log(4):F3}");
    }
}
