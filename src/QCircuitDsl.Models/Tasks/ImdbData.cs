using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// IMDB as the text-classification task reads it: reviews tokenised by <see cref="WordTokenizer"/>, cut to the
/// first MaxLength tokens, mapped to ids of a vocabulary built on the whole training split (also when TrainSize
/// trains on a subset, so the model's shape does not depend on it). A review without a
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

        var allTrain = Imdb.Load(directory, train: true);
        var allTrainWords = allTrain.Select(r => Truncate(WordTokenizer.Tokenize(r.Text), s.MaxLength)).ToList();
        var vocabulary = TextData.BuildVocabulary(allTrainWords, s);
        var chosen = TextData.Subset(Enumerable.Range(0, allTrain.Count).ToList(), s.TrainSize, s.Seed, Seeding.Data + ".subset");
        var train = chosen.Select(i => allTrain[i]).ToList();
        var trainWords = chosen.Select(i => allTrainWords[i]).ToList();
        var test = TextData.Subset(Imdb.Load(directory, train: false), s.TestSize, s.Seed, Seeding.Data + ".subset.test");
        var testWords = test.Select(r => Truncate(WordTokenizer.Tokenize(r.Text), s.MaxLength)).ToList();
        int[] Ids(List<string> words) => words.Count == 0 ? new[] { Vocabulary.UnknownId } : vocabulary.Encode(words);
        var trainIds = trainWords.Select(Ids).ToList();
        var testIds = testWords.Select(Ids).ToList();
        double meanLength = trainIds.Average(t => t.Length);
        return new ImdbData(vocabulary, trainIds, train.Select(r => r.Label).ToArray(), testIds, test.Select(r => r.Label).ToArray(),
            $"IMDB from {directory}: {train.Count} training and {test.Count} test reviews, at most {s.MaxLength} tokens (mean {meanLength:F0}), vocabulary {vocabulary.Count}");
    }

    private static List<string> Truncate(List<string> words, int maxLength) => maxLength > 0 && words.Count > maxLength ? words.GetRange(0, maxLength) : words;
}
