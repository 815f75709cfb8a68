namespace QCircuitDsl.Packaging.Tests.Editors;

internal sealed record TextMateToken(int Line, int Column, string Text, string Scope);

/// <summary>What the tokenizer found: tokens, text no rule covered, and a region still open at the end.</summary>
internal sealed record TextMateResult(IReadOnlyList<TextMateToken> Tokens, IReadOnlyList<string> Uncovered, string? OpenAtEnd);

/// <summary>
/// Tokenizes text line by line as a TextMate engine does: at each position the rule whose match starts
/// first wins (the earlier rule on a tie); a begin rule opens a region that lasts until its end pattern,
/// possibly lines later. Non-whitespace text that no rule matches is reported as uncovered.
/// </summary>
internal static class TextMateTokenizer
{
    public static TextMateResult Tokenize(string text, IReadOnlyList<TextMateRule> patterns)
    {
        var tokens = new List<TextMateToken>();
        var uncovered = new List<string>();
        TextMateRule? open = null;
        int openedAt = 0;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            string line = lines[l];
            int pos = 0;
            while (pos < line.Length)
            {
                if (open != null)
                {
                    var end = open.End!.Match(line, pos);
                    int stop = end.Success ? end.Index + end.Length : line.Length;
                    tokens.Add(new TextMateToken(l + 1, pos + 1, line[pos..stop], open.Scope));
                    pos = stop;
                    if (end.Success)
                    {
                        open = null;
                    }

                    continue;
                }

                var (rule, match) = FirstMatch(patterns, line, pos);
                int next = match?.Index ?? line.Length;
                var gap = line[pos..next];
                if (gap.Trim().Length > 0)
                {
                    uncovered.Add($"line {l + 1}, column {pos + 1 + (gap.Length - gap.TrimStart().Length)}: '{gap.Trim()}'");
                }

                if (rule is null || match is null)
                {
                    break;
                }

                if (match.Length == 0)
                {
                    throw new InvalidOperationException($"rule '{rule.Scope}' matched the empty string at line {l + 1}");
                }

                tokens.Add(new TextMateToken(l + 1, match.Index + 1, match.Value, rule.Scope));
                pos = match.Index + match.Length;
                if (rule.Begin != null)
                {
                    open = rule;
                    openedAt = l + 1;
                }
            }
        }

        return new TextMateResult(tokens, uncovered, open is null ? null : $"'{open.Scope}' opened at line {openedAt} is never closed");
    }

    private static (TextMateRule? Rule, System.Text.RegularExpressions.Match? Match) FirstMatch(IReadOnlyList<TextMateRule> patterns, string line, int pos)
    {
        TextMateRule? best = null;
        System.Text.RegularExpressions.Match? bestMatch = null;
        foreach (var rule in patterns)
        {
            var m = (rule.Match ?? rule.Begin!).Match(line, pos);
            if (m.Success && (bestMatch is null || m.Index < bestMatch.Index))
            {
                best = rule;
                bestMatch = m;
            }
        }

        return (best, bestMatch);
    }
}
