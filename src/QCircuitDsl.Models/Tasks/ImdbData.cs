using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// IMDB as the text-classification task reads it: reviews tokenised by <see cref="WordTokenizer"/>, cut to the
/// first MaxLength tokens, mapped to ids of a vocabulary built on the training split only. A review without a
/// single word becomes one &lt;unk&gt;, so every sequence has a last token to classify from.
/// </summary>
public sealed record ImdbData(Vocabulary Vocabulary, IReadOnlyList<int[]> TrainTokens, int[] TrainLabels, IReadOnlyList<int[]> TestTokens, int[] TestLabels, string Description)
{
    public const int Classes = 2;

    public static ImdbData Load(TaskSettings s, string? directory)
    {
        if (directory is null)
        {
            throw new ArgumentException("task imdb needs --data: the aclImdb folder (or its parent) with {train,test}/{pos,neg}/*.txt.");
        }

        var train = TextData.Subset(Imdb.Load(directory, train: true), s.TrainSize, s.Seed, Seeding.Data + ".subset");
        var test = TextData.Subset(Imdb.Load(directory, train: false), s.TestSize, s.Seed, Seeding.Data + ".subset.test");
        var trainWords = train.Select(r => Truncate(WordTokenizer.Tokenize(r.Text), s.MaxLength)).ToList();
        var testWords = test.Select(r => Truncate(WordTokenizer.Tokenize(r.Text), s.MaxLength)).ToList();
        var vocabulary = TextData.BuildVocabulary(trainWords, s);
        int[] Ids(List<string> words) => words.Count == 0 ? new[] { Vocabulary.UnknownId } : vocabulary.Encode(words);
        var trainIds = trainWords.Select(Ids).ToList();
        var testIds = testWords.Select(Ids).ToList();
        double meanLength = trainIds.Average(t => t.Length);
        return new ImdbData(vocabulary, trainIds, train.Select(r => r.Label).ToArray(), testIds, test.Select(r => r.Label).ToArray(),
            $"IMDB from {directory}: {train.Count} training and {test.Count} test reviews, at most {s.MaxLength} tokens (mean {meanLength:F0}), vocabulary {vocabulary.Count}");
    }

    private static List<string> Truncate(List<string> words, int maxLength) => maxLength > 0 && words.Count > maxLength ? words.GetRange(0, maxLength) : words;
}
