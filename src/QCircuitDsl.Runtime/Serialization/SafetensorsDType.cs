namespace QCircuitDsl.Runtime.Serialization;

/// <summary>The dtype strings of the safetensors format and their element sizes in bytes.</summary>
public static class SafetensorsDType
{
    public const string Bool = "BOOL";
    public const string U8 = "U8";
    public const string I8 = "I8";
    public const string F8E5M2 = "F8_E5M2";
    public const string F8E4M3 = "F8_E4M3";
    public const string I16 = "I16";
    public const string U16 = "U16";
    public const string F16 = "F16";
    public const string BF16 = "BF16";
    public const string I32 = "I32";
    public const string U32 = "U32";
    public const string F32 = "F32";
    public const string I64 = "I64";
    public const string U64 = "U64";
    public const string F64 = "F64";

    private static readonly Dictionary<string, int> Sizes = new(StringComparer.Ordinal)
    {
        [Bool] = 1, [U8] = 1, [I8] = 1, [F8E5M2] = 1, [F8E4M3] = 1,
        [I16] = 2, [U16] = 2, [F16] = 2, [BF16] = 2,
        [I32] = 4, [U32] = 4, [F32] = 4,
        [I64] = 8, [U64] = 8, [F64] = 8,
    };

    /// <summary>All known dtype names (case-sensitive, as the format requires).</summary>
    public static IEnumerable<string> All => Sizes.Keys;

    public static bool IsKnown(string dtype) => Sizes.ContainsKey(dtype);

    /// <summary>Bytes per element; throws for unknown dtypes.</summary>
    public static int SizeOf(string dtype) =>
        Sizes.TryGetValue(dtype, out int size) ? size : throw new ArgumentException($"unknown dtype '{dtype}'", nameof(dtype));
}
