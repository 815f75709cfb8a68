using System.Text;
using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// One run seed, many independent streams: model initialisation, data shuffles, dropout and data generation each get
/// <see cref="Derive"/>(seed, name), so adding draws to one stream (say, a bigger model) never shifts another (the
/// shuffle order). Stream names are hashed with 64-bit FNV-1a, which is fixed by definition, unlike string.GetHashCode.
/// </summary>
public static class Seeding
{
    public const string Init = "init";
    public const string Shuffle = "shuffle";
    public const string Dropout = "dropout";
    public const string Data = "data";
    /// <summary>The stream of <see cref="Torch.DefaultGenerator"/>, which <see cref="Trainer{TBatch}"/> seeds at a fresh start.</summary>
    public const string TorchDefault = "torch.default";

    public static ulong Derive(ulong seed, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(stream))
            hash = (hash ^ b) * 1099511628211UL;
        return SplitMix64.DeriveSeed(seed, hash);
    }

    public static Generator Generator(ulong seed, string stream) => new(unchecked((long)Derive(seed, stream)));
}
