using System.Runtime.InteropServices;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>
/// Runtime tensors to and from safetensors entries, bit for bit: the raw little-endian element bytes in row-major
/// order with the tensor's own shape (a 0-d tensor keeps shape [], as torch's step counters do).
/// </summary>
internal static class TensorCodec
{
    public static SafetensorsTensor Encode(string name, Tensor tensor)
    {
        long[] shape = tensor.Shape.Select(d => (long)d).ToArray();
        return tensor.DType switch
        {
            DType.Float32 => new SafetensorsTensor(name, SafetensorsDType.F32, shape, Bytes(tensor.ToArray<float>())),
            DType.Float64 => new SafetensorsTensor(name, SafetensorsDType.F64, shape, Bytes(tensor.ToArray<double>())),
            DType.Int64 => new SafetensorsTensor(name, SafetensorsDType.I64, shape, Bytes(tensor.ToArray<long>())),
            _ => throw new NotSupportedException($"checkpoint: tensor '{name}' has unsupported dtype {tensor.DType.Name()}"),
        };
    }

    public static Tensor Decode(SafetensorsTensor entry)
    {
        int[] shape = entry.Shape.Select(d => checked((int)d)).ToArray();
        return entry.DType switch
        {
            SafetensorsDType.F32 => Tensor.FromArray(entry.ToFloats(), shape),
            SafetensorsDType.F64 => Tensor.FromArray(entry.ToDoubles(), shape),
            SafetensorsDType.I64 => Tensor.FromArray(entry.ToInt64s(), shape),
            _ => throw new NotSupportedException($"checkpoint: tensor '{entry.Name}' has dtype {entry.DType}; expected F32, F64 or I64"),
        };
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged
    {
        byte[] bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            for (int i = 0; i < bytes.Length; i += size) bytes.AsSpan(i, size).Reverse();
        }
        return bytes;
    }
}
