namespace QCircuitDsl.Runtime.Data;

/// <summary>One aligned sentence pair (raw text; tokenise with <see cref="WordTokenizer"/>).</summary>
public sealed record SentencePair(string Source, string Target);

/// <summary>Which Multi30K split to read.</summary>
public enum ParallelSplit { Train, Validation, Test }

/// <summary>
/// Line-aligned parallel text: line i of the source file translates line i of the target file
/// (Multi30K, WMT, IWSLT after extraction). Lines are read as UTF-8, trailing '\r' removed, nothing else changed.
/// </summary>
public static class ParallelCorpus
{
    /// <summary>Multi30K (Elliott et al. 2016) task-1 file prefixes: train, val, and the 2016 Flickr test set.</summary>
    public static string Multi30kPrefix(ParallelSplit split) => split switch
    {
        ParallelSplit.Train => "train",
        ParallelSplit.Validation => "val",
        ParallelSplit.Test => "test_2016_flickr",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    /// <summary>Reads <c>{directory}/{prefix}.{sourceLanguage}</c> and <c>.{targetLanguage}</c> for a Multi30K split.</summary>
    public static List<SentencePair> LoadMulti30k(string directory, ParallelSplit split, string sourceLanguage = "de", string targetLanguage = "en") =>
        Load(directory, Multi30kPrefix(split), sourceLanguage, targetLanguage);

    /// <summary>Reads <c>{directory}/{prefix}.{sourceLanguage}</c> and <c>{directory}/{prefix}.{targetLanguage}</c>.</summary>
    public static List<SentencePair> Load(string directory, string prefix, string sourceLanguage, string targetLanguage) =>
        Read(Path.Combine(directory, $"{prefix}.{sourceLanguage}"), Path.Combine(directory, $"{prefix}.{targetLanguage}"));

    /// <summary>Pairs the lines of two files; the files must have the same number of lines.</summary>
    public static List<SentencePair> Read(string sourcePath, string targetPath)
    {
        string[] source = ReadLines(sourcePath);
        string[] target = ReadLines(targetPath);
        if (source.Length != target.Length)
            throw new DataFormatException(sourcePath,
                $"line count mismatch: {source.Length} lines here but {target.Length} in {targetPath}; the files of a parallel corpus must be line-aligned");
        var pairs = new List<SentencePair>(source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            // An empty line is almost always a misalignment (a sentence split or lost in extraction).
            if (string.IsNullOrWhiteSpace(source[i]))
                throw new DataFormatException(sourcePath, $"line {i + 1} is empty; expected one sentence per line, aligned with {targetPath}");
            if (string.IsNullOrWhiteSpace(target[i]))
                throw new DataFormatException(targetPath, $"line {i + 1} is empty; expected one sentence per line, aligned with {sourcePath}");
            pairs.Add(new SentencePair(source[i], target[i]));
        }
        return pairs;
    }

    private static string[] ReadLines(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: parallel corpus file not found", path);
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0)
            throw new DataFormatException(path, "file is empty");
        return lines;
    }
}
