namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// The Penn Treebank language-modelling corpus in the Mikolov layout: <c>ptb.train.txt</c>, <c>ptb.valid.txt</c>,
/// <c>ptb.test.txt</c>, one pre-tokenised sentence per line (rare words already replaced by &lt;unk&gt;).
/// As in the standard LM setup (e.g. PyTorch's word_language_model), each line is split on whitespace and
/// followed by an &lt;eos&gt; token, and the whole file becomes one token stream.
/// </summary>
public sealed record PtbCorpus(IReadOnlyList<string> Train, IReadOnlyList<string> Valid, IReadOnlyList<string> Test)
{
    public static readonly string[] FileNames = ["ptb.train.txt", "ptb.valid.txt", "ptb.test.txt"];

    /// <summary>Loads all three splits from <paramref name="directory"/>.</summary>
    public static PtbCorpus Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{directory}: PTB folder not found");
        var splits = FileNames.Select(name => ReadTokens(Path.Combine(directory, name))).ToArray();
        return new PtbCorpus(splits[0], splits[1], splits[2]);
    }

    /// <summary>The token stream of one file: each line's whitespace-separated words, then &lt;eos&gt;.</summary>
    public static List<string> ReadTokens(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: PTB file not found", path);
        var tokens = new List<string>();
        int lines = 0;
        foreach (string line in File.ReadLines(path))
        {
            lines++;
            tokens.AddRange(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            tokens.Add(Vocabulary.EndToken);
        }
        if (lines == 0)
            throw new DataFormatException(path, "file is empty");
        return tokens;
    }
}
