namespace QCircuitDsl.Runtime.Tensors;

/// <summary>A flat, typed buffer that one or more tensors view through (offset, shape, strides).</summary>
internal abstract class Storage
{
    public abstract DType DType { get; }
    public abstract int Length { get; }

    public static Storage<T> Allocate<T>(int length) where T : unmanaged => new(new T[length]);

    public static Storage Allocate(DType dtype, int length) => dtype switch
    {
        DType.Float32 => new Storage<float>(new float[length]),
        DType.Float64 => new Storage<double>(new double[length]),
        DType.Int64 => new Storage<long>(new long[length]),
        _ => throw new NotSupportedException(dtype.ToString()),
    };
}

internal sealed class Storage<T> : Storage where T : unmanaged
{
    public readonly T[] Data;

    public Storage(T[] data) => Data = data;

    public override DType DType => DTypeExtensions.DTypeOf<T>();
    public override int Length => Data.Length;
}
