using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// Penn Treebank as the language-modelling task reads it: <c>ptb.train.txt</c> and <c>ptb.test.txt</c> (the
/// validation file must be there too, as in every copy of the corpus, but is not used), each line's words then
/// &lt;eos&gt;, ids of a vocabulary built on the training stream (PTB's 10,000 words, plus the unused &lt;pad&gt; and &lt;bos&gt;).
/// TrainSize / TestSize, when set, keep the first that many tokens (quick runs and shape measurements).
/// </summary>
public sealed record PtbData(Vocabulary Vocabulary, int[] Train, int[] Test, string Description)
{
    public static PtbData Load(TaskSettings s, string? directory)
    {
        if (directory is null)
        {
            throw new ArgumentException("task ptb needs --data: a folder with ptb.train.txt, ptb.valid.txt and ptb.test.txt.");
        }

        var corpus = PtbCorpus.Load(directory);
        var vocabulary = TextData.BuildVocabulary(new[] { corpus.Train }, s);
        var train = Take(vocabulary.Encode(corpus.Train), s.TrainSize);
        var test = Take(vocabulary.Encode(corpus.Test), s.TestSize);
        Check(Path.Combine(directory, PtbCorpus.FileNames[0]), train.Length, s.Batch);
        Check(Path.Combine(directory, PtbCorpus.FileNames[2]), test.Length, s.Batch);
        return new PtbData(vocabulary, train, test,
            $"PTB from {directory}: {train.Length:N0} training and {test.Length:N0} test tokens, vocabulary {vocabulary.Count}, {s.Batch} columns, windows of {s.Bptt} tokens");
    }

    private static int[] Take(int[] tokens, int limit) => limit > 0 && limit < tokens.Length ? tokens[..limit] : tokens;

    /// <summary>A stream cut into B columns needs two tokens per column for one (input, next token) pair.</summary>
    private static void Check(string path, int tokens, int batch)
    {
        if (tokens / batch < 2)
        {
            throw new DataFormatException(path, $"{tokens} tokens cannot fill {batch} columns of at least 2 tokens; expected a longer corpus (or a smaller --batch)");
        }
    }
}
