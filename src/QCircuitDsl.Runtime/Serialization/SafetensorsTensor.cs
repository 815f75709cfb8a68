using System.Runtime.InteropServices;

namespace QCircuitDsl.Runtime.Serialization;

/// <summary>
/// One named tensor as stored in a safetensors file: dtype string, shape and raw little-endian bytes.
/// Deliberately array-based (no dependency on the runtime's tensor type) so checkpoints can be read and
/// written by any layer; typed views come from the From*/To* helpers.
/// </summary>
public sealed class SafetensorsTensor
{
    public SafetensorsTensor(string name, string dtype, long[] shape, byte[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dtype);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        Name = name;
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }
    public string DType { get; }
    public long[] Shape { get; }
    public byte[] Data { get; }

    /// <summary>Product of the shape (1 for a scalar with shape []).</summary>
    public long ElementCount => ElementCountOf(Shape);

    public static long ElementCountOf(long[] shape)
    {
        long n = 1;
        foreach (long d in shape)
            n = checked(n * d);
        return n;
    }

    public static SafetensorsTensor FromFloats(string name, ReadOnlySpan<float> values, params long[] shape) =>
        Create(name, SafetensorsDType.F32, values, shape);

    public static SafetensorsTensor FromDoubles(string name, ReadOnlySpan<double> values, params long[] shape) =>
        Create(name, SafetensorsDType.F64, values, shape);

    public static SafetensorsTensor FromInt64s(string name, ReadOnlySpan<long> values, params long[] shape) =>
        Create(name, SafetensorsDType.I64, values, shape);

    public static SafetensorsTensor FromInt32s(string name, ReadOnlySpan<int> values, params long[] shape) =>
        Create(name, SafetensorsDType.I32, values, shape);

    public float[] ToFloats() => Convert<float>(SafetensorsDType.F32);
    public double[] ToDoubles() => Convert<double>(SafetensorsDType.F64);
    public long[] ToInt64s() => Convert<long>(SafetensorsDType.I64);
    public int[] ToInt32s() => Convert<int>(SafetensorsDType.I32);

    public override string ToString() => $"{Name}: {DType}[{string.Join(", ", Shape)}]";

    private static SafetensorsTensor Create<T>(string name, string dtype, ReadOnlySpan<T> values, long[] shape) where T : unmanaged
    {
        // An empty shape means "infer a 1-D shape", the common case for biases and vectors; use a
        // one-element array with an explicit shape [] via the constructor for true scalars.
        long[] actualShape = shape.Length == 0 ? [values.Length] : shape;
        if (ElementCountOf(actualShape) != values.Length)
            throw new ArgumentException($"shape [{string.Join(", ", actualShape)}] needs {ElementCountOf(actualShape)} elements but {values.Length} were given");
        byte[] bytes = MemoryMarshal.AsBytes(values).ToArray();
        if (!BitConverter.IsLittleEndian)
            ReverseEach(bytes, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return new SafetensorsTensor(name, dtype, actualShape, bytes);
    }

    private T[] Convert<T>(string expected) where T : unmanaged
    {
        if (DType != expected)
            throw new InvalidOperationException($"tensor '{Name}' has dtype {DType}, not {expected}");
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (Data.Length % size != 0)
            throw new InvalidOperationException($"tensor '{Name}' has {Data.Length} bytes, not a multiple of {size}");
        byte[] bytes = Data;
        if (!BitConverter.IsLittleEndian)
        {
            bytes = (byte[])Data.Clone();
            ReverseEach(bytes, size);
        }
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    // The format is little-endian; on a big-endian host each element's bytes are swapped in place.
    private static void ReverseEach(byte[] bytes, int size)
    {
        for (int i = 0; i < bytes.Length; i += size)
            bytes.AsSpan(i, size).Reverse();
    }
}
