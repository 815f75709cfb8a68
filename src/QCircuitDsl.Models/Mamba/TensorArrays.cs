using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>Turns a kernel's result array back into a tensor (the runtime's zero-copy constructor is internal).</summary>
internal static class TensorArrays
{
    public static Tensor Wrap<T>(T[] data, params int[] shape) where T : unmanaged => data switch
    {
        float[] f => Torch.Tensor(f, shape),
        double[] d => Torch.Tensor(d, shape),
        _ => throw new NotSupportedException($"unsupported element type {typeof(T).Name}"),
    };
}
