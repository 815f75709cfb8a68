namespace QCircuitDsl.Runtime.NN;

/// <summary>What LoadStateDict did not match (returned when strict is false and nothing is fatal).</summary>
public sealed record LoadStateDictResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);

/// <summary>Raised by Module.LoadStateDict with every problem found, in PyTorch's wording; nothing is copied when it
/// is thrown.</summary>
public sealed class StateDictLoadException : Exception
{
    public StateDictLoadException(string moduleName, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatched)
        : base(BuildMessage(moduleName, missing, unexpected, mismatched))
    {
        MissingKeys = missing;
        UnexpectedKeys = unexpected;
        Mismatches = mismatched;
    }

    public IReadOnlyList<string> MissingKeys { get; }
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>One line per entry whose shape differs from the model's.</summary>
    public IReadOnlyList<string> Mismatches { get; }

    private static string BuildMessage(string moduleName, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> mismatched)
    {
        var lines = new List<string> { $"Error(s) in loading state_dict for {moduleName}:" };
        if (missing.Count > 0) lines.Add("\tMissing key(s) in state_dict: " + string.Join(", ", missing.Select(k => $"\"{k}\"")) + ".");
        if (unexpected.Count > 0) lines.Add("\tUnexpected key(s) in state_dict: " + string.Join(", ", unexpected.Select(k => $"\"{k}\"")) + ".");
        lines.AddRange(mismatched.Select(m => "\t" + m));
        return string.Join("\n", lines);
    }
}
