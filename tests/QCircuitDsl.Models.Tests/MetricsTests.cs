using QCircuitDsl.Models.Metrics;

namespace QCircuitDsl.Models.Tests;

public sealed class MetricsTests
{
    private static IReadOnlyList<string> S(string text) => text.Split(' ');

    [Fact]
    public void Identical_sentences_score_100()
    {
        Assert.Equal(100.0, CorpusBleu.Score(new[] { S("the cat sat on the mat") }, new[] { S("the cat sat on the mat") }), 9);
    }

    [Fact]
    public void Hand_computed_corpus_bleu_with_brevity_penalty()
    {
        // Candidate "the cat sat on mat" (5 tokens) vs reference "the cat sat on the mat" (6 tokens):
        // 1-grams 5/5, 2-grams 3/4 (the cat, cat sat, sat on), 3-grams 2/3, 4-grams 1/2.
        // BLEU = exp(1 - 6/5) · (1 · 3/4 · 2/3 · 1/2)^(1/4) = 0.818730753 · 0.25^(1/4) = 0.578926...
        double expected = 100 * Math.Exp(1 - 6.0 / 5) * Math.Pow(1.0 * 0.75 * (2.0 / 3) * 0.5, 0.25);
        Assert.Equal(expected, CorpusBleu.Score(new[] { S("the cat sat on mat") }, new[] { S("the cat sat on the mat") }), 9);
        Assert.Equal(57.8926, expected, 3);
    }

    [Fact]
    public void Counts_are_clipped_and_pooled_over_the_corpus()
    {
        // "the the the the" vs "the cat": clipped unigram matches 1 of 4; no bigram match → 0 without smoothing.
        Assert.Equal(0.0, CorpusBleu.Score(new[] { S("the the the the") }, new[] { S("the cat") }));
        // Pooled over two sentences with unigrams only: matches (2 + 1) / (2 + 2), lengths c = 4, r = 4.
        var score = CorpusBleu.Score(new[] { S("a b"), S("c x") }, new[] { S("a b"), S("c d") }, maxOrder: 1);
        Assert.Equal(75.0, score, 9);
    }

    [Fact]
    public void Mismatched_corpora_and_bad_orders_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => CorpusBleu.Score(new[] { S("a") }, Array.Empty<IReadOnlyList<string>>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusBleu.Score(new[] { S("a") }, new[] { S("a") }, maxOrder: 0));
    }

    [Fact]
    public void Perplexity_is_the_exponential_of_the_mean_nll()
    {
        Assert.Equal(4.0, Perplexity.FromTotalNll(10 * Math.Log(4), 10), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Perplexity.FromTotalNll(1, 0));
    }
}
