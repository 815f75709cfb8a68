namespace QCircuitDsl.Cli.Tests;

/// <summary>
/// Small corpora in the real on-disk formats of IMDB (aclImdb/{train,test}/{pos,neg}/ID_RATING.txt), PTB
/// (ptb.{train,valid,test}.txt) and Multi30K (train.de/en, val.de/en, test_2016_flickr.de/en), generated from a seed.
/// </summary>
internal static class TextCorpora
{
    private static readonly string[] Filler = { "the", "a", "movie", "film", "plot", "actor", "is", "was", "and", "story" };
    private static readonly string[] Good = { "great", "superb", "wonderful" };
    private static readonly string[] Bad = { "awful", "boring", "terrible" };

    /// <summary>Reviews of filler words with one sentiment word repeated, so the class is learnable from the words.</summary>
    public static string Imdb(string root, int trainPerClass, int testPerClass, int seed = 1)
    {
        var rng = new Random(seed);
        foreach (var (split, count) in new[] { ("train", trainPerClass), ("test", testPerClass) })
        {
            foreach (var (label, words, rating) in new[] { ("pos", Good, 8), ("neg", Bad, 2) })
            {
                var folder = Directory.CreateDirectory(Path.Combine(root, "aclImdb", split, label)).FullName;
                for (int i = 0; i < count; i++)
                {
                    var tokens = Enumerable.Range(0, rng.Next(2, 6)).Select(_ => Filler[rng.Next(Filler.Length)]).ToList();
                    var word = words[rng.Next(words.Length)];
                    tokens.Insert(rng.Next(tokens.Count + 1), word);
                    tokens.Add(word);
                    File.WriteAllText(Path.Combine(folder, $"{i}_{rating}.txt"), string.Join(' ', tokens) + ".<br /><br />The end.");
                }
            }
        }

        return root;
    }

    /// <summary>Sentences that follow a fixed word cycle from a random start, so the next word is predictable.</summary>
    public static string Ptb(string root, int trainLines, int testLines, int seed = 1)
    {
        Directory.CreateDirectory(root);
        var rng = new Random(seed);
        foreach (var (name, lines) in new[] { ("train", trainLines), ("valid", 4), ("test", testLines) })
        {
            var text = Enumerable.Range(0, lines).Select(_ =>
            {
                int start = rng.Next(Filler.Length);
                return " " + string.Join(' ', Enumerable.Range(start, rng.Next(3, 8)).Select(k => Filler[k % Filler.Length])) + (rng.Next(4) == 0 ? " <unk>" : "") + " ";
            });
            File.WriteAllText(Path.Combine(root, $"ptb.{name}.txt"), string.Join('\n', text) + "\n");
        }

        return root;
    }

    private static readonly (string En, string De)[] Lexicon =
    {
        ("a", "ein"), ("dog", "hund"), ("cat", "katze"), ("runs", "läuft"), ("sleeps", "schläft"), ("man", "mann"), ("big", "großer"), ("small", "kleiner"),
    };

    /// <summary>Word-for-word translations of random phrases (capitalised and punctuated as real captions are).</summary>
    public static string Multi30k(string root, int trainPairs, int testPairs, int seed = 1)
    {
        Directory.CreateDirectory(root);
        var rng = new Random(seed);
        foreach (var (prefix, count) in new[] { ("train", trainPairs), ("val", 4), ("test_2016_flickr", testPairs) })
        {
            var pairs = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, rng.Next(2, 6)).Select(_ => Lexicon[rng.Next(Lexicon.Length)]).ToList()).ToList();
            File.WriteAllText(Path.Combine(root, prefix + ".en"), string.Concat(pairs.Select(p => Sentence(p.Select(w => w.En)))));
            File.WriteAllText(Path.Combine(root, prefix + ".de"), string.Concat(pairs.Select(p => Sentence(p.Select(w => w.De)))));
        }

        return root;
    }

    private static string Sentence(IEnumerable<string> words)
    {
        var text = string.Join(' ', words);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".\n";
    }
}
