namespace QCircuitDsl.Models.Metrics;

/// <summary>Perplexity = exp(total negative log-likelihood / number of predicted tokens), natural log.</summary>
public static class Perplexity
{
    public static double FromTotalNll(double totalNll, long tokens) =>
        tokens > 0 ? Math.Exp(totalNll / tokens) : throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "expected at least one predicted token.");
}
