namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// A data file exists but its contents are not what the reader expects.
/// The message always starts with the offending file's path, because a training run that
/// dies on "bad magic number" without saying which of four files is wrong wastes the user's time.
/// </summary>
public sealed class DataFormatException : IOException
{
    public DataFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file whose contents were rejected (for cross-file errors, the first of them).</summary>
    public string FilePath { get; }

    /// <summary>What was wrong, without the path prefix.</summary>
    public string Problem { get; }
}
