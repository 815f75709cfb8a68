using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Translation;

/// <summary>
/// Bahdanau additive attention: e_j = vᵀ tanh(W_q q + W_k k_j), α = softmax over source positions
/// with padding masked out, context = Σ_j α_j k_j. Parameters: <c>query.weight</c>, <c>key.weight</c>,
/// <c>key.bias</c>, <c>score.weight</c>.
/// </summary>
public sealed class AdditiveAttention : Module
{
    /// <summary>Added to the scores of padded positions: exp of it underflows to exactly 0 in float32.</summary>
    private const double MaskedScore = -1e9;

    public AdditiveAttention(int queryDim, int keyDim, int attentionDim, Generator? generator = null)
    {
        Query = RegisterModule("query", new Linear(queryDim, attentionDim, bias: false, generator: generator));
        Key = RegisterModule("key", new Linear(keyDim, attentionDim, generator: generator));
        Score = RegisterModule("score", new Linear(attentionDim, 1, bias: false, generator: generator));
    }

    public Linear Query { get; }
    public Linear Key { get; }
    public Linear Score { get; }

    /// <summary>Projects the keys once per source batch; <see cref="Attend"/> reuses them every decoding step.</summary>
    public Tensor ProjectKeys(Tensor keys) => Key.Forward(keys);

    /// <summary>query [B, Q], keys [B, S, K], projected keys [B, S, A], mask [B, S] (1 = token, 0 = padding) → (context [B, K], weights [B, S]).</summary>
    public (Tensor Context, Tensor Weights) Attend(Tensor query, Tensor keys, Tensor projectedKeys, Tensor mask)
    {
        var energy = Functional.Tanh(projectedKeys + Query.Forward(query).Unsqueeze(1));
        var scores = Score.Forward(energy).Squeeze(-1) + (mask - 1.0) * -MaskedScore;
        var weights = Functional.Softmax(scores, dim: 1);
        var context = weights.Unsqueeze(1).MatMul(keys).Squeeze(1);
        return (context, weights);
    }
}
