using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Antlr4.Runtime;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Syntax
{
    /// <summary>
    /// Collects ANTLR's syntax errors instead of printing them, and rewords them for a user:
    /// "expected ';' after ... but found 'q'" rather than "mismatched input 'q' expecting ';'".
    /// </summary>
    internal sealed class SyntaxErrorCollector : BaseErrorListener
    {
        private static readonly Regex Mismatched = new Regex("^mismatched input (.+) expecting (.+)$", RegexOptions.Singleline);
        private static readonly Regex Missing = new Regex("^missing (.+) at (.+)$", RegexOptions.Singleline);
        private static readonly Regex Extraneous = new Regex("^extraneous input (.+) expecting (.+)$", RegexOptions.Singleline);
        private static readonly Regex NoViable = new Regex("^no viable alternative at input (.+)$", RegexOptions.Singleline);

        private readonly DiagnosticBag _diagnostics;
        private readonly HashSet<int> _suppressedOffsets;

        public SyntaxErrorCollector(DiagnosticBag diagnostics, HashSet<int> suppressedOffsets)
        {
            _diagnostics = diagnostics;
            _suppressedOffsets = suppressedOffsets;
        }

        public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            if (offendingSymbol != null && _suppressedOffsets.Contains(offendingSymbol.StartIndex))
            {
                return; // already reported as QC0002 by the lexer scan
            }

            var span = offendingSymbol != null && offendingSymbol.Type != TokenConstants.EOF
                ? ParseTreeConverter.Span(offendingSymbol)
                : new SourceSpan(offendingSymbol?.StartIndex ?? 0, 0, line, charPositionInLine + 1, line, charPositionInLine + 1);
            _diagnostics.Report(DiagnosticCatalog.SyntaxError, span, Reword(msg));
        }

        internal static string Reword(string message)
        {
            Match m;
            if ((m = Mismatched.Match(message)).Success)
            {
                return $"expected {Expected(m.Groups[2].Value)} but found {Found(m.Groups[1].Value)}";
            }

            if ((m = Missing.Match(message)).Success)
            {
                return $"expected {Expected(m.Groups[1].Value)} before {Found(m.Groups[2].Value)}";
            }

            if ((m = Extraneous.Match(message)).Success)
            {
                return $"unexpected {Found(m.Groups[1].Value)}; expected {Expected(m.Groups[2].Value)}";
            }

            if ((m = NoViable.Match(message)).Success)
            {
                return $"this statement is not valid here: {Found(m.Groups[1].Value)}";
            }

            return message;
        }

        private static string Found(string text)
        {
            text = text.Trim();
            if (text == "'<EOF>'" || text == "<EOF>")
            {
                return "the end of the file";
            }

            return text.Length > 40 ? text.Substring(0, 37) + "...'" : text;
        }

        private static string Expected(string text)
        {
            text = text.Trim();
            var items = text.StartsWith("{") && text.EndsWith("}")
                ? text.Substring(1, text.Length - 2).Split(',').Select(s => s.Trim()).ToList()
                : new List<string> { text };
            var words = items.Select(Describe).Distinct().ToList();
            if (words.Count == 1)
            {
                return words[0];
            }

            return string.Join(", ", words.Take(words.Count - 1)) + " or " + words[words.Count - 1];
        }

        private static string Describe(string token)
        {
            switch (token)
            {
                case "Identifier": return "a name";
                case "Integer": return "an integer";
                case "Real": return "a number";
                case "<EOF>": return "the end of the file";
                default: return token;
            }
        }
    }
}
