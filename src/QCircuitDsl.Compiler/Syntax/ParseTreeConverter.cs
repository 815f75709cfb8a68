using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using QCircuitDsl.Compiler.Syntax.Antlr;
using QCircuitDsl.Compiler.Text;
using P = QCircuitDsl.Compiler.Syntax.Antlr.QCircuitParser;

namespace QCircuitDsl.Compiler.Syntax
{
    /// <summary>
    /// Turns ANTLR's parse tree into the syntax tree. Only called on trees without syntax errors,
    /// so every child the grammar requires is present.
    /// </summary>
    internal sealed class ParseTreeConverter
    {
        private readonly string _filePath;
        private readonly string _text;

        public ParseTreeConverter(string filePath, string text)
        {
            _filePath = filePath;
            _text = text;
        }

        public CompilationUnitSyntax Convert(P.CompilationUnitContext context)
        {
            string? ns = context.namespaceDeclaration() is { } n
                ? string.Join(".", n.qualifiedName().Identifier().Select(i => i.GetText()))
                : null;
            var declarations = context.declaration().Select(ConvertDeclaration).ToArray();
            return new CompilationUnitSyntax(_filePath, _text, ns, declarations, Span(context));
        }

        private DeclarationSyntax ConvertDeclaration(P.DeclarationContext context)
        {
            if (context.circuitDeclaration() is { } c)
            {
                var id = c.Identifier();
                var parameters = c.formalParameter()
                    .Select(f => new IntParameterSyntax(f.Identifier().GetText(), f.expression() is { } e ? Expression(e) : null, Span(f)))
                    .ToArray();
                return new CircuitDeclarationSyntax(id.GetText(), Span(id.Symbol), parameters, Block(c.block()), Span(c));
            }

            if (context.specializeDeclaration() is { } spec)
            {
                var targets = spec.specializeTarget().Select(t => new SpecializeTargetSyntax(
                    t.Identifier().GetText(),
                    Span(t.Identifier().Symbol),
                    t.specializeArgument().Select(a => new SpecializeArgumentSyntax(a.Identifier()?.GetText(), Expression(a.expression()), Span(a))).ToArray(),
                    Span(t))).ToArray();
                return new SpecializeDeclarationSyntax(targets, Span(spec));
            }

            var layer = context.layerDeclaration();
            var layerId = layer.Identifier();
            var layerParameters = layer.formalParameter()
                .Select(f => new IntParameterSyntax(f.Identifier().GetText(), f.expression() is { } e ? Expression(e) : null, Span(f)))
                .ToArray();
            var clauses = layer.layerClause().Select(Clause).ToArray();
            return new LayerDeclarationSyntax(layerId.GetText(), Span(layerId.Symbol), layerParameters, clauses, Span(layer));
        }

        private LayerClauseSyntax Clause(P.LayerClauseContext context)
        {
            var terms = context.layerTerm();
            bool hasFrom = context.children.OfType<ITerminalNode>().Any(t => t.GetText() == "from");
            LayerTermSyntax? target = null;
            LayerTermSyntax? source = null;
            if (terms.Length == 2)
            {
                target = Term(terms[0]);
                source = Term(terms[1]);
            }
            else if (terms.Length == 1)
            {
                if (hasFrom)
                {
                    source = Term(terms[0]);
                }
                else
                {
                    target = Term(terms[0]);
                }
            }

            return new LayerClauseSyntax(context.keyword.Text, Span(context.keyword), target, source, Span(context));
        }

        private LayerTermSyntax Term(P.LayerTermContext context)
        {
            var id = context.Identifier();
            bool call = context.children.OfType<ITerminalNode>().Any(t => t.GetText() == "(");
            return new LayerTermSyntax(id.GetText(), Span(id.Symbol), call ? context.expression().Select(Expression).ToArray() : null, Span(context));
        }

        private IReadOnlyList<StatementSyntax> Block(P.BlockContext context) => context.statement().Select(Statement).ToArray();

        private StatementSyntax Statement(P.StatementContext context)
        {
            if (context.qubitDeclaration() is { } q)
            {
                return new QubitDeclarationSyntax(q.Identifier().GetText(), Expression(q.expression()), Span(q));
            }

            if (context.paramDeclaration() is { } p)
            {
                return new ParamDeclarationSyntax(p.Identifier().GetText(), p.expression().Select(Expression).ToArray(), Span(p));
            }

            if (context.letStatement() is { } l)
            {
                return new LetSyntax(l.Identifier().GetText(), Expression(l.expression()), Span(l));
            }

            if (context.forStatement() is { } f)
            {
                var e = f.expression();
                var body = f.block() is { } b ? Block(b) : new[] { Statement(f.statement()) };
                return e.Length == 3
                    ? new ForSyntax(f.Identifier().GetText(), Expression(e[0]), Expression(e[1]), Expression(e[2]), body, Span(f))
                    : new ForSyntax(f.Identifier().GetText(), Expression(e[0]), null, Expression(e[1]), body, Span(f));
            }

            if (context.encodeStatement() is { } enc)
            {
                var ids = enc.Identifier();
                return new EncodeSyntax(ids[0].GetText(), Span(ids[0].Symbol), ids[1].GetText(), Expression(enc.expression()), enc.operand().Select(Operand).ToArray(), Span(enc));
            }

            if (context.readoutStatement() is { } r)
            {
                var kind = r.Identifier();
                var args = r.readoutArgument()
                    .Select(a => new ReadoutArgumentSyntax(a.Identifier().GetText(), a.operand() is { } o ? Operand(o) : null, Span(a)))
                    .ToArray();
                bool each = r.children.OfType<ITerminalNode>().Any(t => t.GetText() == "each");
                return new ReadoutSyntax(kind.GetText(), Span(kind.Symbol), args, each, r.operand().Select(Operand).ToArray(), Span(r));
            }

            var g = context.gateStatement();
            var modifiers = g.modifier().Select(Modifier).ToArray();
            var name = g.Identifier();
            var bindings = g.withClause() is { } w
                ? w.parameterBinding().Select(pb => new ParameterBindingSyntax(pb.Identifier().GetText(), Expression(pb.expression()), Span(pb))).ToArray()
                : Array.Empty<ParameterBindingSyntax>();
            return new GateCallSyntax(modifiers, name.GetText(), Span(name.Symbol), g.expression().Select(Expression).ToArray(), g.operand().Select(Operand).ToArray(), bindings, Span(g));
        }

        private ModifierSyntax Modifier(P.ModifierContext context) => context switch
        {
            P.CtrlModifierContext c => new CtrlModifierSyntax(c.expression() is { } e ? Expression(e) : null, Span(c)),
            _ => new InvModifierSyntax(Span(context)),
        };

        private OperandSyntax Operand(P.OperandContext context) =>
            new OperandSyntax(context.Identifier().GetText(), context.indexer() is { } i ? Indexer(i) : null, Span(context));

        private IndexerSyntax Indexer(P.IndexerContext context)
        {
            var e = context.expression();
            return new IndexerSyntax(Expression(e[0]), e.Length > 1 ? Expression(e[1]) : null, Span(context));
        }

        private ExpressionSyntax Expression(P.ExpressionContext context)
        {
            var span = Span(context);
            switch (context)
            {
                case P.ParenthesizedExpressionContext p:
                    return Expression(p.expression()) with { Span = span };
                case P.CallExpressionContext c:
                    return new CallSyntax(c.Identifier().GetText(), c.expression().Select(Expression).ToArray(), span);
                case P.IndexExpressionContext i:
                    return new IndexSyntax(Expression(i.expression()), Indexer(i.indexer()), span);
                case P.UnaryExpressionContext u:
                    return new UnarySyntax(u.op.Text, Expression(u.expression()), span);
                case P.PowerExpressionContext pw:
                    return new BinarySyntax("^", Expression(pw.expression(0)), Expression(pw.expression(1)), span);
                case P.MultiplicativeExpressionContext m:
                    return new BinarySyntax(m.op.Text, Expression(m.expression(0)), Expression(m.expression(1)), span);
                case P.AdditiveExpressionContext a:
                    return new BinarySyntax(a.op.Text, Expression(a.expression(0)), Expression(a.expression(1)), span);
                case P.IntegerLiteralContext lit:
                    // Overflow is reported by the binder as a range problem; keep the parser total.
                    return long.TryParse(lit.GetText(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                        ? new IntegerLiteralSyntax(v, span)
                        : new RealLiteralSyntax(double.Parse(lit.GetText(), CultureInfo.InvariantCulture), span);
                case P.RealLiteralContext real:
                    return new RealLiteralSyntax(double.Parse(real.GetText(), NumberStyles.Float, CultureInfo.InvariantCulture), span);
                case P.NameExpressionContext n:
                    return new NameSyntax(n.GetText(), span);
                default:
                    throw new InvalidOperationException("Unhandled expression form: " + context.GetType().Name);
            }
        }

        internal static SourceSpan Span(IToken token)
        {
            int length = Math.Max(0, token.StopIndex - token.StartIndex + 1);
            return new SourceSpan(token.StartIndex, length, token.Line, token.Column + 1, token.Line, token.Column + 1 + length);
        }

        private static SourceSpan Span(ParserRuleContext context)
        {
            var start = context.Start;
            var stop = context.Stop ?? start;
            if (stop.StopIndex < start.StartIndex)
            {
                stop = start;
            }

            var first = Span(start);
            var last = Span(stop);
            return new SourceSpan(first.Start, last.End - first.Start, first.Line, first.Column, last.EndLine, last.EndColumn);
        }
    }
}
