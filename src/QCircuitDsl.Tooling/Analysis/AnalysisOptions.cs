namespace QCircuitDsl.Tooling.Analysis;

/// <summary>The sampling protocol of Sim et al. (2019); the defaults are theirs.</summary>
public sealed record AnalysisOptions(int Samples = 5000, int Bins = 75, ulong Seed = 1)
{
    public void Validate()
    {
        if (Samples < 1)
        {
            throw new ArgumentException($"the sample count is {Samples}; expected at least 1");
        }

        if (Bins < 1 || Bins > 1_000_000)
        {
            throw new ArgumentException($"the bin count is {Bins}; expected 1 to 1000000");
        }
    }
}

/// <summary>Reports work done: phase ("expressibility" or "entangling capability"), items done, items in total.</summary>
public delegate void AnalysisProgress(string phase, int done, int total);
