using System;
using System.Collections.Generic;
using Antlr4.Runtime;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Syntax.Antlr;

namespace QCircuitDsl.Compiler.Syntax
{
    /// <summary>The result of parsing one file: its syntax tree (empty when it has syntax errors) and the errors.</summary>
    public sealed class ParseResult
    {
        public ParseResult(CompilationUnitSyntax unit, IReadOnlyList<Diagnostic> diagnostics)
        {
            Unit = unit;
            Diagnostics = diagnostics;
        }

        public CompilationUnitSyntax Unit { get; }
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }

    /// <summary>Entry point of the front end: .qc text → ANTLR parse tree → syntax tree.</summary>
    public static class SyntaxParser
    {
        public static ParseResult Parse(string filePath, string text)
        {
            var diagnostics = new DiagnosticBag(filePath);
            var lexer = new QCircuitLexer(new AntlrInputStream(text));
            lexer.RemoveErrorListeners();
            var tokens = new CommonTokenStream(lexer);
            tokens.Fill();

            // Characters outside the language become 'Unexpected' tokens; report each once, in our words,
            // and keep the parser from reporting the same spot again.
            var suppressed = new HashSet<int>();
            foreach (var token in tokens.GetTokens())
            {
                if (token.Type == QCircuitLexer.Unexpected)
                {
                    suppressed.Add(token.StartIndex);
                    diagnostics.Report(DiagnosticCatalog.UnexpectedCharacter, ParseTreeConverter.Span(token), token.Text);
                }
            }

            var parser = new QCircuitParser(tokens);
            parser.RemoveErrorListeners();
            parser.AddErrorListener(new SyntaxErrorCollector(diagnostics, suppressed));
            var tree = parser.compilationUnit();

            CompilationUnitSyntax unit;
            if (diagnostics.HasErrors)
            {
                unit = new CompilationUnitSyntax(filePath, text, null, Array.Empty<DeclarationSyntax>(), Text.SourceSpan.None);
            }
            else
            {
                unit = new ParseTreeConverter(filePath, text).Convert(tree);
            }

            return new ParseResult(unit, diagnostics.Items);
        }
    }
}
