using System.Text;

namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// A simple, fully specified word tokenizer for raw English text (IMDB reviews, captions):
/// <list type="number">
/// <item>Text is lower-cased with the invariant culture (so results do not depend on the machine's locale).</item>
/// <item>A token is a maximal run of Unicode letters or digits (<see cref="Rune.IsLetterOrDigit"/>);
/// everything else separates tokens and is dropped (punctuation, spaces, symbols, emoji).</item>
/// <item>An apostrophe (' or the typographic ’, both emitted as ') is kept only when it has a letter or
/// digit on both sides, so "don't" and "rock'n'roll" stay whole while quotes like 'this' and the
/// trailing ' of "students'" are removed.</item>
/// </list>
/// Pre-tokenised corpora such as PTB are split on whitespace instead (see <see cref="PtbCorpus"/>).
/// </summary>
public static class WordTokenizer
{
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        var runes = new List<Rune>(text.Length);
        foreach (Rune r in text.EnumerateRunes())
            runes.Add(r);

        for (int i = 0; i < runes.Count; i++)
        {
            Rune r = runes[i];
            if (Rune.IsLetterOrDigit(r))
            {
                current.Append(Rune.ToLowerInvariant(r).ToString());
            }
            else if (IsApostrophe(r) && current.Length > 0 && i + 1 < runes.Count && Rune.IsLetterOrDigit(runes[i + 1]))
            {
                current.Append('\'');
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }

    private static bool IsApostrophe(Rune r) => r.Value is '\'' or '\u2019';
}
