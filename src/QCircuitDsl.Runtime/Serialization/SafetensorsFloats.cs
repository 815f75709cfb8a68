using System.Buffers.Binary;

namespace QCircuitDsl.Runtime.Serialization;

/// <summary>
/// Floating-point safetensors entries widened to float32, whatever their stored precision: F32 as is, F64 rounded to
/// nearest, F16 (IEEE half) and BF16 (bfloat16: the upper 16 bits of a float32) exactly, since every half and bfloat16
/// value is a float32 value. PyTorch checkpoints are commonly saved in bf16 or f16.
/// </summary>
public static class SafetensorsFloats
{
    /// <summary>The dtypes <see cref="ToFloat32"/> accepts.</summary>
    public static IReadOnlyList<string> Supported { get; } = [SafetensorsDType.F32, SafetensorsDType.F64, SafetensorsDType.F16, SafetensorsDType.BF16];

    public static bool IsSupported(string dtype) => Supported.Contains(dtype);

    /// <summary>The values as float32 in row-major order; throws for non-float dtypes, naming the tensor.</summary>
    public static float[] ToFloat32(SafetensorsTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var data = tensor.Data;
        switch (tensor.DType)
        {
            case SafetensorsDType.F32:
                return tensor.ToFloats();
            case SafetensorsDType.F64:
                return tensor.ToDoubles().Select(v => (float)v).ToArray();
            case SafetensorsDType.F16:
            {
                var values = new float[data.Length / 2];
                for (int i = 0; i < values.Length; i++)
                    values[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2 * i)));
                return values;
            }
            case SafetensorsDType.BF16:
            {
                var values = new float[data.Length / 2];
                for (int i = 0; i < values.Length; i++)
                    values[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2 * i)) << 16);
                return values;
            }
            default:
                throw new InvalidOperationException(
                    $"tensor '{tensor.Name}' has dtype {tensor.DType}; expected a floating-point dtype ({string.Join(", ", Supported)})");
        }
    }
}
