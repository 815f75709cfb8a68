namespace QCircuitDsl.Models.Metrics;

/// <summary>
/// Corpus BLEU (Papineni et al. 2002) with one reference per sentence: modified n-gram precisions
/// for n = 1…N (default 4), pooled over the corpus (clipped counts summed, then divided), their
/// geometric mean with uniform weights, times the brevity penalty BP = 1 if c &gt; r else exp(1 − r/c),
/// where c and r are the total candidate and reference lengths. No smoothing: a corpus with no matching
/// n-gram of some order scores 0, as in the standard definition. Returned on the 0–100 scale.
/// </summary>
public static class CorpusBleu
{
    public static double Score(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<string>> references, int maxOrder = 4)
    {
        if (candidates.Count != references.Count)
        {
            throw new ArgumentException($"{candidates.Count} candidate sentences but {references.Count} references; expected one reference per candidate.", nameof(references));
        }

        if (maxOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxOrder), maxOrder, "expected an n-gram order of at least 1.");
        }

        var matches = new long[maxOrder];
        var totals = new long[maxOrder];
        long candidateLength = 0, referenceLength = 0;
        for (int s = 0; s < candidates.Count; s++)
        {
            var candidate = candidates[s];
            var reference = references[s];
            candidateLength += candidate.Count;
            referenceLength += reference.Count;
            for (int n = 1; n <= maxOrder; n++)
            {
                var referenceCounts = Count(reference, n);
                foreach (var (gram, count) in Count(candidate, n))
                {
                    matches[n - 1] += Math.Min(count, referenceCounts.TryGetValue(gram, out var r) ? r : 0);
                }

                totals[n - 1] += Math.Max(0, candidate.Count - n + 1);
            }
        }

        if (candidateLength == 0)
        {
            return 0.0;
        }

        double logPrecision = 0;
        for (int n = 0; n < maxOrder; n++)
        {
            if (matches[n] == 0 || totals[n] == 0)
            {
                return 0.0;
            }

            logPrecision += Math.Log((double)matches[n] / totals[n]) / maxOrder;
        }

        double brevity = candidateLength > referenceLength ? 1.0 : Math.Exp(1.0 - (double)referenceLength / candidateLength);
        return 100.0 * brevity * Math.Exp(logPrecision);
    }

    private static Dictionary<string, int> Count(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            // U+241F (symbol for unit separator) cannot occur in a token, so joined n-grams never collide.
            var gram = string.Join("\u241F", tokens.Skip(i).Take(n));
            counts[gram] = counts.TryGetValue(gram, out var c) ? c + 1 : 1;
        }

        return counts;
    }
}
