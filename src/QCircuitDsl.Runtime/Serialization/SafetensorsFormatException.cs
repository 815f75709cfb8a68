namespace QCircuitDsl.Runtime.Serialization;

/// <summary>A safetensors file (or a tensor about to be written) violates the format. The message starts with the file path.</summary>
public sealed class SafetensorsFormatException : IOException
{
    public SafetensorsFormatException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string FilePath { get; }
    public string Problem { get; }
}
