using System.Globalization;

namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// Running sums over an epoch: Σ loss·count, Σ count, Σ correct, Σ predictions, added in batch order in double so the
/// result is the same whatever the batch boundaries of a resumed run. Round-trips through strings for checkpoints.
/// </summary>
public sealed class MetricAccumulator
{
    public double LossSum { get; private set; }
    public long Count { get; private set; }
    public long Correct { get; private set; }
    public long Predictions { get; private set; }

    public void Add(double meanLoss, BatchResult result)
    {
        LossSum += meanLoss * result.Count;
        Count += result.Count;
        Correct += result.Correct;
        Predictions += result.Predictions;
    }

    public void Reset() => (LossSum, Count, Correct, Predictions) = (0, 0, 0, 0);

    public double MeanLoss => Count > 0 ? LossSum / Count : double.NaN;
    public double? Accuracy => Predictions > 0 ? (double)Correct / Predictions : null;
    public double Perplexity => Math.Exp(MeanLoss);

    internal void Save(IDictionary<string, string> values, string prefix)
    {
        // "R" is the round-trip format: parsing it back gives the same bits.
        values[prefix + "loss_sum"] = LossSum.ToString("R", CultureInfo.InvariantCulture);
        values[prefix + "count"] = Count.ToString(CultureInfo.InvariantCulture);
        values[prefix + "correct"] = Correct.ToString(CultureInfo.InvariantCulture);
        values[prefix + "predictions"] = Predictions.ToString(CultureInfo.InvariantCulture);
    }

    internal void Load(IReadOnlyDictionary<string, string> values, string prefix)
    {
        string Get(string key) => values.TryGetValue(prefix + key, out var v) ? v
            : throw new InvalidDataException($"checkpoint value '{prefix + key}' is missing.");
        LossSum = double.Parse(Get("loss_sum"), CultureInfo.InvariantCulture);
        Count = long.Parse(Get("count"), CultureInfo.InvariantCulture);
        Correct = long.Parse(Get("correct"), CultureInfo.InvariantCulture);
        Predictions = long.Parse(Get("predictions"), CultureInfo.InvariantCulture);
    }
}
