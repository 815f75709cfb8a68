using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

/// <summary>The QRNN cell declared as a .qc layer (src/QCircuitDsl.Models/Qrnn/qrnn.qc) and compiled by the generator.</summary>
public sealed class QrnnLayerTests
{
    [Fact]
    public void The_generated_layer_is_an_ordinary_module_with_the_cells_parameters()
    {
        var layer = new QrnnLayer(n: 3, input: 5, hidden: 7, generator: new Generator(4));
        Assert.Equal("qrnn_layer", QrnnLayer.LayerName);
        Assert.Equal(9, layer.ReadoutSize);
        Assert.Equal(ControllerActivation.Gelu, layer.Controller.Activation);
        Assert.Equal(new[] { "controller.fc1.weight", "controller.fc1.bias", "controller.fc2.weight", "controller.fc2.bias" }, layer.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { 7, 9 + 5 }, layer.Controller.Fc1.Weight.Shape.ToArray());
        Assert.Equal(new[] { 12, 7 }, layer.Controller.Fc2.Weight.Shape.ToArray());
    }

    [Fact]
    public void It_computes_exactly_what_the_hand_built_cell_computes()
    {
        var generated = new QrnnLayer(n: 3, input: 2, hidden: 4, generator: new Generator(9));
        var manual = new QrnnCell(new Sim14(n: 3), 2, 4, ControllerActivation.Gelu, generator: new Generator(9));
        var x = Torch.Randn(new[] { 2, 5, 2 }, new Generator(1));
        var a = generated.Forward(x).Select(z => z.ToArray<float>()).ToArray();
        var b = manual.Forward(x).Select(z => z.ToArray<float>()).ToArray();
        Assert.Equal(b, a);
    }

    [Fact]
    public void Defaults_are_the_declared_ones()
    {
        var layer = new QrnnLayer();
        Assert.Equal(30, layer.ReadoutSize); // n = 10 qubits, <X>, <Y>, <Z> each
        Assert.Equal(28, layer.InputSize);
        Assert.Equal(64, layer.Controller.Fc1.OutFeatures);
    }
}
