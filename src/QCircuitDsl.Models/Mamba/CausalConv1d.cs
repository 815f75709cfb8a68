using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// The mixer's short causal depthwise convolution, stored like PyTorch's nn.Conv1d(E, E, K, groups=E,
/// padding=K−1): weight [E, 1, K], bias [E]. Works on the time-major layout [B, L, E] used by the mixer.
/// </summary>
public sealed class CausalConv1d : Module<Tensor, Tensor>
{
    public CausalConv1d(int channels, int kernelSize, bool bias = true, DType dtype = DType.Float32, Generator? generator = null)
    {
        Channels = channels;
        KernelSize = kernelSize;
        Weight = RegisterParameter("weight", new Parameter(Torch.Empty([channels, 1, kernelSize], dtype)))!;
        Bias = RegisterParameter("bias", bias ? new Parameter(Torch.Empty([channels], dtype)) : null);
        ResetParameters(generator);
    }

    public int Channels { get; }
    public int KernelSize { get; }
    public Parameter Weight { get; }
    public Parameter? Bias { get; }

    /// <summary>nn.Conv1d's default: U(±1/√fan_in) for weight and bias, fan_in = 1·K for a depthwise kernel.</summary>
    public void ResetParameters(Generator? generator = null)
    {
        var bound = 1 / Math.Sqrt(KernelSize);
        Init.Uniform_(Weight, -bound, bound, generator);
        if (Bias is not null && !ParameterFlags.IsNoReinit(Bias)) Init.Uniform_(Bias, -bound, bound, generator);
    }

    /// <summary>[B, L, E] → [B, L, E], output t sees inputs t−K+1 … t.</summary>
    public override Tensor Forward(Tensor input) =>
        Functional.CausalDepthwiseConv1d(input.Transpose(1, 2), Weight, Bias).Transpose(1, 2);

    public override string ExtraRepr() => $"{Channels}, {Channels}, kernel_size=({KernelSize},), groups={Channels}, padding=({KernelSize - 1},)";
}
