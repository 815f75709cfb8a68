using System.Text.Json;
using System.Text.RegularExpressions;

namespace QCircuitDsl.Packaging.Tests.Editors;

/// <summary>A grammar rule: a one-line <c>match</c>, or a <c>begin</c>/<c>end</c> region with its own patterns.</summary>
internal sealed record TextMateRule(string Scope, Regex? Match, Regex? Begin, Regex? End, IReadOnlyList<TextMateRule> Patterns);

/// <summary>
/// Loads the subset of the TextMate format our grammar uses (patterns, repository, #includes, match,
/// begin/end, name) with .NET regexes, which agree with Oniguruma on the constructs the grammar uses.
/// Anything else in a rule (captures, while, $self) fails loudly so the test cannot silently ignore it.
/// </summary>
internal static class TextMateGrammar
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal) { "name", "match", "begin", "end", "patterns", "include", "comment" };

    public static (string ScopeName, IReadOnlyList<TextMateRule> Patterns) Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var repository = root.GetProperty("repository");
        return (root.GetProperty("scopeName").GetString()!, Rules(root.GetProperty("patterns"), repository, new HashSet<string>()));
    }

    private static List<TextMateRule> Rules(JsonElement patterns, JsonElement repository, HashSet<string> including)
    {
        var rules = new List<TextMateRule>();
        foreach (var p in patterns.EnumerateArray())
        {
            rules.AddRange(Rule(p, repository, including));
        }

        return rules;
    }

    private static IEnumerable<TextMateRule> Rule(JsonElement p, JsonElement repository, HashSet<string> including)
    {
        foreach (var property in p.EnumerateObject())
        {
            if (!KnownKeys.Contains(property.Name))
            {
                throw new NotSupportedException($"grammar key '{property.Name}' is outside the subset this test tokenizer implements");
            }
        }

        if (p.TryGetProperty("include", out var include))
        {
            var key = include.GetString()!;
            if (!key.StartsWith('#') || !including.Add(key))
            {
                throw new NotSupportedException($"include '{key}' is not a non-recursive #repository reference");
            }

            var rules = Rule(repository.GetProperty(key[1..]), repository, including).ToList();
            including.Remove(key);
            return rules;
        }

        string scope = p.TryGetProperty("name", out var n) ? n.GetString()! : "";
        if (p.TryGetProperty("match", out var m))
        {
            return new[] { new TextMateRule(scope, new Regex(m.GetString()!), null, null, Array.Empty<TextMateRule>()) };
        }

        if (p.TryGetProperty("begin", out var b))
        {
            var inner = p.TryGetProperty("patterns", out var ps) ? Rules(ps, repository, including) : new List<TextMateRule>();
            return new[] { new TextMateRule(scope, null, new Regex(b.GetString()!), new Regex(p.GetProperty("end").GetString()!), inner) };
        }

        if (p.TryGetProperty("patterns", out var group))
        {
            return Rules(group, repository, including);
        }

        throw new NotSupportedException("a rule without match, begin or patterns");
    }
}
