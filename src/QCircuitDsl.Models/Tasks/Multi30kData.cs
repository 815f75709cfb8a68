using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// Multi30K German → English as the translation task reads it: <c>train.de</c>/<c>train.en</c> and the 2016 Flickr
/// test set <c>test_2016_flickr.de</c>/<c>.en</c> (<see cref="ParallelCorpus"/>), tokenised by <see cref="WordTokenizer"/>
/// (lower case, punctuation dropped), cut to MaxLength tokens for training; one vocabulary per language from the
/// whole training split (words seen at least MinFrequency times; also when TrainSize trains on a subset). <see cref="TestReferences"/> keeps the full tokenised
/// references, so BLEU is scored against the real sentences, unknown words and all.
/// </summary>
public sealed record Multi30kData(
    Vocabulary SourceVocabulary, Vocabulary TargetVocabulary,
    IReadOnlyList<int[]> TrainSource, IReadOnlyList<int[]> TrainTarget,
    IReadOnlyList<int[]> TestSource, IReadOnlyList<int[]> TestTarget, IReadOnlyList<IReadOnlyList<string>> TestReferences,
    string Description)
{
    public static Multi30kData Load(TaskSettings s, string? directory)
    {
        if (directory is null)
        {
            throw new ArgumentException("task multi30k needs --data: a folder with train.de, train.en, test_2016_flickr.de and test_2016_flickr.en.");
        }

        var allTrain = ParallelCorpus.LoadMulti30k(directory, ParallelSplit.Train);
        var allDe = allTrain.Select(p => Cut(WordTokenizer.Tokenize(p.Source), s.MaxLength)).ToList();
        var allEn = allTrain.Select(p => Cut(WordTokenizer.Tokenize(p.Target), s.MaxLength)).ToList();
        var de = TextData.BuildVocabulary(allDe, s);
        var en = TextData.BuildVocabulary(allEn, s);
        var chosen = TextData.Subset(Enumerable.Range(0, allTrain.Count).ToList(), s.TrainSize, s.Seed, Runtime.Training.Seeding.Data + ".subset");
        var trainDe = chosen.Select(i => allDe[i]).ToList();
        var trainEn = chosen.Select(i => allEn[i]).ToList();
        var test = TextData.Subset(ParallelCorpus.LoadMulti30k(directory, ParallelSplit.Test), s.TestSize, s.Seed, Runtime.Training.Seeding.Data + ".subset.test");
        var testDe = test.Select(p => Cut(WordTokenizer.Tokenize(p.Source), s.MaxLength)).ToList();
        var testEn = test.Select(p => (IReadOnlyList<string>)WordTokenizer.Tokenize(p.Target)).ToList();
        int[] Source(List<string> words) => words.Count == 0 ? new[] { Vocabulary.UnknownId } : de.Encode(words);
        return new Multi30kData(de, en,
            trainDe.Select(Source).ToList(), trainEn.Select(w => en.Encode(w)).ToList(),
            testDe.Select(Source).ToList(), testEn.Select(w => en.Encode(Cut(w.ToList(), s.MaxLength))).ToList(), testEn,
            $"Multi30K de→en from {directory}: {trainDe.Count} training and {test.Count} test pairs, at most {s.MaxLength} tokens, vocabularies de {de.Count} / en {en.Count}");
    }

    private static List<string> Cut(List<string> words, int maxLength) => maxLength > 0 && words.Count > maxLength ? words.GetRange(0, maxLength) : words;
}
