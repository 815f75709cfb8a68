using System.Globalization;
using System.Text.RegularExpressions;

namespace QCircuitDsl.Runtime.Data;

/// <summary>One IMDB review. <paramref name="Label"/> is 1 for pos, 0 for neg; <paramref name="Rating"/> is the
/// 1–10 star score encoded in the file name <c>{id}_{rating}.txt</c>, when present.</summary>
public sealed record ImdbReview(string Text, int Label, int? Rating, string FilePath);

/// <summary>
/// Reader for the Large Movie Review Dataset (Maas et al. 2011) as unpacked from <c>aclImdb_v1.tar.gz</c>:
/// <c>aclImdb/{train,test}/{pos,neg}/*.txt</c>. The unlabelled <c>train/unsup</c> folder is ignored.
/// HTML line breaks (<c>&lt;br /&gt;</c> and variants) are replaced by a space.
/// Order is deterministic: all pos reviews then all neg reviews, each sorted by the numeric id in the file name
/// (then by full name, ordinally) — not by directory enumeration order, which differs between file systems.
/// </summary>
public static partial class Imdb
{
    public const int Positive = 1;
    public const int Negative = 0;

    /// <summary><paramref name="root"/> is the <c>aclImdb</c> folder or its parent.</summary>
    public static List<ImdbReview> Load(string root, bool train)
    {
        string baseDir = Directory.Exists(Path.Combine(root, "aclImdb")) ? Path.Combine(root, "aclImdb") : root;
        string split = Path.Combine(baseDir, train ? "train" : "test");
        if (!Directory.Exists(split))
            throw new DirectoryNotFoundException($"{split}: IMDB split folder not found (expected aclImdb/{{train,test}}/{{pos,neg}})");

        var reviews = new List<ImdbReview>();
        reviews.AddRange(ReadFolder(Path.Combine(split, "pos"), Positive));
        reviews.AddRange(ReadFolder(Path.Combine(split, "neg"), Negative));
        return reviews;
    }

    /// <summary>Replaces <c>&lt;br /&gt;</c>, <c>&lt;br/&gt;</c> and <c>&lt;br&gt;</c> (any case) with a single space.</summary>
    public static string StripLineBreaks(string text) => LineBreak().Replace(text, " ");

    private static IEnumerable<ImdbReview> ReadFolder(string folder, int label)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: IMDB class folder not found");
        var files = Directory.GetFiles(folder, "*.txt")
            .Select(f => (Path: f, Name: Path.GetFileNameWithoutExtension(f)))
            .Select(f => (f.Path, f.Name, Id: ParseLeadingInt(f.Name), Rating: ParseRating(f.Name)))
            .OrderBy(f => f.Id ?? long.MaxValue)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new DataFormatException(folder, "no .txt reviews found");

        foreach (var f in files)
        {
            string text = File.ReadAllText(f.Path);
            if (string.IsNullOrWhiteSpace(text))
                throw new DataFormatException(f.Path, "the review is empty; expected its text (one review per file)");
            if (text.Contains('\0'))
                throw new DataFormatException(f.Path, $"line {LineOf(text, text.IndexOf('\0'))} contains a NUL character; expected a UTF-8 text review");
            yield return new ImdbReview(StripLineBreaks(text), label, f.Rating, f.Path);
        }
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    private static long? ParseLeadingInt(string name)
    {
        int underscore = name.IndexOf('_');
        string head = underscore < 0 ? name : name[..underscore];
        return long.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;
    }

    private static int? ParseRating(string name)
    {
        int underscore = name.IndexOf('_');
        if (underscore < 0)
            return null;
        return int.TryParse(name[(underscore + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : null;
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();
}
