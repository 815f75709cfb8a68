using QCircuitDsl.Runtime.NN;

namespace QCircuitDsl.Models.Tasks;

/// <summary>Parameter counts as the papers report them (without word embeddings) and in total.</summary>
public static class ParameterCounts
{
    public static long Total(Module model) => model.Parameters().Sum(p => (long)p.Numel);

    /// <summary>All parameters except the weights of <see cref="Embedding"/> modules (a tied decoder shares one and is not counted twice).</summary>
    public static long WithoutEmbeddings(Module model) =>
        Total(model) - model.Modules().OfType<Embedding>().Sum(e => (long)e.Weight.Numel);
}
