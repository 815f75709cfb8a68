using QCircuitDsl.Models.Translation;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

/// <summary>
/// The independent oracle for beam search: with a 3-word vocabulary and length 2 there are 9 target
/// sequences, so the most probable one is found by teacher forcing each of them (BOS = 0).
/// </summary>
internal static class ExhaustiveDecoding
{
    public static long[] MostProbablePairOfThree(Seq2SeqModel model, Tensor source, Tensor mask)
    {
        double bestScore = double.NegativeInfinity;
        long[] best = Array.Empty<long>();
        using (Torch.NoGrad())
        {
            for (long y1 = 0; y1 < 3; y1++)
            {
                for (long y2 = 0; y2 < 3; y2++)
                {
                    var logp = Functional.LogSoftmax(model.Forward(source, mask, Torch.Tensor(new long[] { 0, y1 }, 1, 2)), dim: 2).ToArray<float>();
                    double score = logp[(int)y1] + logp[3 + (int)y2];
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = new[] { y1, y2 };
                    }
                }
            }
        }
        return best;
    }
}
