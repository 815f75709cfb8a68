using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

public sealed class MambaTrainingTests
{
    /// <summary>Sequences of 16 Gaussian values; label 1 when their mean is positive (chance = 50 %).</summary>
    private static (Tensor X, Tensor Y) Task(int count, Generator g)
    {
        var x = Torch.Randn([count, 16, 1], g);
        var y = (x.Mean([1, 2]).Gt(0.0)).Long();
        return (x, y);
    }

    [Theory]
    [InlineData(MambaProjections.None)]
    [InlineData(MambaProjections.InProj)]
    public void Learns_the_sign_of_a_sequence_mean_well_above_chance(MambaProjections quantum)
    {
        var g = new Generator(7);
        var model = new MambaClassifier(new MambaConfig(8), layerCount: 1, inputSize: 1, classes: 2, quantum: quantum, generator: g);
        var optimizer = new Adam(model.ParameterGroups().ToParamGroups(new MambaOptimizerSettings
        {
            InProjLr = 1e-2, XProjLr = 1e-2, OutProjLr = 1e-2, OtherLr = 1e-2, WeightDecay = 0,
        }));
        for (var step = 0; step < 120; step++)
        {
            var (x, y) = Task(32, g);
            optimizer.ZeroGrad();
            Functional.CrossEntropy(model.Forward(x), y).Backward();
            optimizer.Step();
        }

        var (testX, testY) = Task(512, new Generator(8));
        using var _ = Torch.NoGrad();
        var predicted = model.Forward(testX).Argmax(1).ToArray<long>();
        var accuracy = predicted.Zip(testY.ToArray<long>(), (p, t) => p == t ? 1.0 : 0.0).Average();
        Assert.True(accuracy > 0.75, $"accuracy {accuracy:P1} (chance 50 %)");
    }
}
