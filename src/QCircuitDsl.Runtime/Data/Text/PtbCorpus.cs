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
        int words = 0;
        foreach (string line in File.ReadLines(path))
        {
            lines++;
            if (line.Contains('\0'))
                throw new DataFormatException(path, $"line {lines} contains a NUL character; expected UTF-8 text, one tokenised sentence per line");
            foreach (string word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                // <unk> is part of PTB's text; the other specials would silently alias padding or sentence marks.
                if (word is Vocabulary.PadToken or Vocabulary.BeginToken or Vocabulary.EndToken)
                    throw new DataFormatException(path, $"line {lines} contains the reserved token {word}; expected ordinary words (and <unk>) only");
                tokens.Add(word);
                words++;
            }
            tokens.Add(Vocabulary.EndToken);
        }
        if (lines == 0)
            throw new DataFormatException(path, "file is empty");
        if (words == 0)
            throw new DataFormatException(path, $"none of its {lines} lines holds a word; expected one tokenised sentence per line");
        return tokens;
    }
}
