namespace QCircuitDsl.Runtime.Tensors;

/// <summary>Element type of a tensor. Float32 is the default for training; Float64 exists so gradient checks are
/// numerically meaningful; Int64 holds class indices and gather/embedding indices, as in PyTorch.</summary>
public enum DType
{
    Float32,
    Float64,
    Int64,
}

public static class DTypeExtensions
{
    /// <summary>PyTorch-style name, used in ToString and error messages ("float32", "int64").</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int64 => "int64",
        _ => dtype.ToString(),
    };

    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 => 4,
        _ => 8,
    };

    internal static DType DTypeOf<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(long)) return DType.Int64;
        throw new NotSupportedException($"No tensor dtype for element type {typeof(T).Name}.");
    }
}
