using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Translation;

/// <summary>
/// Greedy and beam-search decoding for any <see cref="Seq2SeqModel"/>. Hypotheses are ranked by total
/// log-probability divided by length^<c>lengthPenalty</c> (0 = raw log-probability); a hypothesis ends
/// at EOS and keeps its score. Decoder states (quantum or classical) are reordered with the beams, so each
/// hypothesis keeps its own memory. Runs without gradients.
/// </summary>
public static class BeamSearch
{
    public static IReadOnlyList<long[]> Greedy(Seq2SeqModel model, Tensor source, Tensor mask, long bos, long eos, int maxLength) =>
        Decode(model, source, mask, bos, eos, maxLength, beam: 1, lengthPenalty: 0);

    public static IReadOnlyList<long[]> Decode(Seq2SeqModel model, Tensor source, Tensor mask, long bos, long eos, int maxLength, int beam, double lengthPenalty = 1.0)
    {
        if (beam < 1 || maxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beam), $"expected a beam of at least 1 and a positive maximum length; got beam {beam}, max length {maxLength}.");
        }

        using var _ = Torch.NoGrad();
        int batch = source.Size(0);
        int rows = batch * beam;
        int vocabulary = model.TargetVocabulary;
        var encoded = model.Encode(source, mask).Repeat(beam);
        var state = model.BeginDecoding(encoded);
        var scores = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            scores[r] = r % beam == 0 ? 0.0 : double.NegativeInfinity; // all beams start identical: expand only the first
        }

        var tokens = Enumerable.Range(0, rows).Select(_ => new List<long>()).ToArray();
        var finished = new bool[rows];
        var input = Enumerable.Repeat(bos, rows).ToArray();
        for (int t = 0; t < maxLength && finished.Contains(false); t++)
        {
            var embedded = model.TargetEmbedding.Forward(Torch.Tensor(input, rows));
            (var logits, state) = model.DecodeStep(encoded, state, embedded);
            var logp = Functional.LogSoftmax(logits, dim: 1).ToArray<float>();
            var origins = new int[rows];
            var chosen = new long[rows];
            var newScores = new double[rows];
            for (int b = 0; b < batch; b++)
            {
                var candidates = new List<(double Score, int Row, long Token)>();
                for (int k = 0; k < beam; k++)
                {
                    int row = b * beam + k;
                    if (double.IsNegativeInfinity(scores[row]))
                    {
                        continue;
                    }

                    if (finished[row])
                    {
                        candidates.Add((scores[row], row, eos));
                        continue;
                    }

                    for (int v = 0; v < vocabulary; v++)
                    {
                        candidates.Add((scores[row] + logp[row * vocabulary + v], row, v));
                    }
                }

                // Stable order: ties broken by row, then token, so decoding is deterministic.
                var best = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Row).ThenBy(c => c.Token).Take(beam).ToList();
                for (int k = 0; k < beam; k++)
                {
                    int row = b * beam + k;
                    if (k < best.Count)
                    {
                        (newScores[row], origins[row], chosen[row]) = best[k];
                    }
                    else
                    {
                        (newScores[row], origins[row], chosen[row]) = (double.NegativeInfinity, b * beam, eos);
                    }
                }
            }

            var newTokens = new List<long>[rows];
            var newFinished = new bool[rows];
            for (int r = 0; r < rows; r++)
            {
                newTokens[r] = new List<long>(tokens[origins[r]]);
                newFinished[r] = finished[origins[r]] || chosen[r] == eos;
                if (!finished[origins[r]])
                {
                    newTokens[r].Add(chosen[r]);
                }
            }

            state = state.Reorder(origins);
            tokens = newTokens;
            finished = newFinished;
            scores = newScores;
            // Rows without a live hypothesis (fewer candidates than beams) still run; feed them BOS.
            input = chosen.Select((tok, r) => double.IsNegativeInfinity(newScores[r]) || tok < 0 ? bos : tok).ToArray();
        }

        var results = new List<long[]>(batch);
        for (int b = 0; b < batch; b++)
        {
            int bestRow = Enumerable.Range(b * beam, beam)
                .OrderByDescending(r => Normalized(scores[r], tokens[r].Count, lengthPenalty)).ThenBy(r => r).First();
            results.Add(tokens[bestRow].Where((tok, i) => !(tok == eos && i == tokens[bestRow].Count - 1)).ToArray());
        }

        return results;
    }

    private static double Normalized(double score, int length, double lengthPenalty) =>
        lengthPenalty == 0 ? score : score / Math.Pow(Math.Max(1, length), lengthPenalty);
}
