using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>Helpers shared by the text tasks' data: vocabularies from settings and seeded subsets.</summary>
internal static class TextData
{
    /// <summary>The vocabulary of the training split: words seen at least MinFrequency times, capped at VocabularySize (0: no cap).</summary>
    public static Vocabulary BuildVocabulary(IEnumerable<IEnumerable<string>> documents, TaskSettings s) =>
        Vocabulary.Build(documents, s.MinFrequency, s.VocabularySize > 0 ? s.VocabularySize : null);

    /// <summary>A seeded random subset of <paramref name="limit"/> items in their original order (all when 0 or larger than the set).</summary>
    public static List<T> Subset<T>(List<T> items, int limit, ulong seed, string stream)
    {
        if (limit <= 0 || limit >= items.Count)
        {
            return items;
        }

        // Not a prefix: IMDB lists all positive reviews first.
        return DeterministicShuffle.Permutation(items.Count, Seeding.Derive(seed, stream), 0).Take(limit).Order().Select(i => items[i]).ToList();
    }
}
