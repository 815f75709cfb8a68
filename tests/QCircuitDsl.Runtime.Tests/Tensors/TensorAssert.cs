using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Tests.Tensors;

/// <summary>Assertions on tensor contents with a readable failure message.</summary>
internal static class TensorAssert
{
    public static void Close(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        var values = actual.ToArray<double>();
        Assert.True(expected.Length == values.Length,
            $"expected {expected.Length} values but the tensor has {values.Length} (shape [{string.Join(", ", actual.Shape)}])");
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance,
                $"element {i}: expected {expected[i]:R} but got {values[i]:R} (tolerance {tolerance})\nactual: {actual}");
    }

    public static void Shape(int[] expected, Tensor actual) => Assert.Equal(expected, actual.Shape);

    public static void BitIdentical(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.ToArray<double>(), actual.ToArray<double>());
    }

    /// <summary>Float64 inputs from a fixed seed for gradient checks.</summary>
    public static Tensor RandomDouble(int seed, params int[] shape) =>
        Torch.Randn(shape, new Generator(seed), DType.Float64, requiresGrad: true);

    public static Tensor PositiveDouble(int seed, params int[] shape) =>
        Torch.Uniform(shape, 0.5, 2.0, new Generator(seed), DType.Float64, requiresGrad: true);
}
