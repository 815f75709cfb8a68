using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

/// <summary>HQC-Mamba's quantum projection declared as a .qc layer (src/QCircuitDsl.Models/Mamba/projection.qc).</summary>
public sealed class ProjectionLayerTests
{
    [Fact]
    public void The_generated_projection_maps_tokens_to_the_output_width_through_the_declared_circuit()
    {
        var layer = new HqcProjection(generator: new Generator(2));
        Assert.Equal("hqc_projection", HqcProjection.LayerName);
        Assert.Equal(5, layer.Qubits);
        Assert.Equal(5, layer.Quantum.OutputSize); // strongly_entangling reads <Z> of each of its 5 qubits
        Assert.Equal(new[] { "quantum.weight", "linear.weight" }, layer.NamedParameters().Select(p => p.Name));
        var x = Torch.Randn(new[] { 2, 3, 16 }, new Generator(5));
        var y = layer.Forward(x);
        Assert.Equal(new[] { 2, 3, 32 }, y.Shape.ToArray());
        y.Sum().Backward();
        Assert.Contains(layer.Quantum.Weight.Grad!.ToArray<float>(), g => g != 0);
    }

    [Fact]
    public void It_computes_what_a_QuantumProjection_with_the_same_circuit_computes()
    {
        var generated = new HqcProjection(in_features: 6, out_features: 4, qubits: 3, layers: 1, generator: new Generator(7));
        var manual = new QuantumProjection(6, 4, new StronglyEntangling(n: 3, layers: 1), QuantumProjectionOptions.Robust, generator: new Generator(7));
        var x = Torch.Randn(new[] { 4, 6 }, new Generator(8));
        Assert.Equal(manual.Forward(x).ToArray<float>(), generated.Forward(x).ToArray<float>());
    }

    [Fact]
    public void A_circuit_of_the_wrong_size_is_rejected_when_the_layer_is_built()
    {
        var e = Assert.Throws<ArgumentException>(() => new HqcProjection(in_features: 40));
        Assert.Equal("circuit", e.ParamName);
        Assert.Contains("need exactly 6 qubits", e.Message);
    }
}
