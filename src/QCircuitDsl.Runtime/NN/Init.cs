using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>
/// torch.nn.init: in-place initialisers (run without recording gradients). Fan-in/fan-out follow PyTorch:
/// fan_in = size(1)·receptive field, fan_out = size(0)·receptive field, receptive field = product of dims 2..n.
/// </summary>
public static class Init
{
    /// <summary>Recommended gain for a nonlinearity ("linear", "conv*", "sigmoid", "tanh", "relu", "leaky_relu", "selu").</summary>
    public static double CalculateGain(string nonlinearity, double? param = null) => nonlinearity switch
    {
        "linear" or "conv1d" or "conv2d" or "conv3d" or "sigmoid" => 1.0,
        "tanh" => 5.0 / 3,
        "relu" => Math.Sqrt(2.0),
        "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
        "selu" => 3.0 / 4,
        _ => throw new ArgumentException($"calculate_gain: unsupported nonlinearity \"{nonlinearity}\""),
    };

    public static (int FanIn, int FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        if (tensor.Dim < 2)
            throw new ArgumentException($"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (shape {ShapeUtils.Format(tensor.ShapeArray)})");
        var receptive = 1;
        for (var i = 2; i < tensor.Dim; i++) receptive *= tensor.ShapeArray[i];
        return (tensor.ShapeArray[1] * receptive, tensor.ShapeArray[0] * receptive);
    }

    public static Tensor Uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
    {
        using var _ = GradMode.NoGrad();
        return tensor.Uniform_(low, high, generator);
    }

    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        using var _ = GradMode.NoGrad();
        return tensor.Normal_(mean, std, generator);
    }

    public static Tensor Constant_(Tensor tensor, double value)
    {
        using var _ = GradMode.NoGrad();
        return tensor.Fill_(value);
    }

    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);
    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>U(−a, a) with a = gain·√(6 / (fan_in + fan_out)) (Glorot &amp; Bengio).</summary>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        var a = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        return Uniform_(tensor, -a, a, generator);
    }

    /// <summary>N(0, std²) with std = gain·√(2 / (fan_in + fan_out)).</summary>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return Normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
    }

    /// <summary>U(−b, b) with b = gain·√(3 / fan), gain = CalculateGain(nonlinearity, a) (He et al.). mode "fan_in"
    /// or "fan_out". nn.Linear uses a = √5, which gives b = 1/√fan_in.</summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu",
        Generator? generator = null)
    {
        var std = KaimingStd(tensor, a, mode, nonlinearity);
        var bound = Math.Sqrt(3.0) * std;
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>N(0, std²) with std = gain / √fan.</summary>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu",
        Generator? generator = null) =>
        Normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity), generator);

    private static double KaimingStd(Tensor tensor, double a, string mode, string nonlinearity)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        var fan = mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => throw new ArgumentException($"kaiming init: mode must be \"fan_in\" or \"fan_out\", got \"{mode}\""),
        };
        return CalculateGain(nonlinearity, a) / Math.Sqrt(fan);
    }
}
