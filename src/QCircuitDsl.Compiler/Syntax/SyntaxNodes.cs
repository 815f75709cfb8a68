using System.Collections.Generic;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Syntax
{
    // The syntax tree: what the user wrote, with spans, and nothing ANTLR-specific. The binder never
    // sees a parse-tree context; ParseTreeConverter builds these nodes from ANTLR's tree.

    public abstract record SyntaxNode(SourceSpan Span);

    public sealed record CompilationUnitSyntax(string FilePath, string Text, string? Namespace, IReadOnlyList<DeclarationSyntax> Declarations, SourceSpan Span) : SyntaxNode(Span);

    public abstract record DeclarationSyntax(string Name, SourceSpan NameSpan, SourceSpan Span) : SyntaxNode(Span);

    public sealed record CircuitDeclarationSyntax(string Name, SourceSpan NameSpan, IReadOnlyList<IntParameterSyntax> Parameters, IReadOnlyList<StatementSyntax> Body, SourceSpan Span)
        : DeclarationSyntax(Name, NameSpan, Span);

    /// <summary>A layer declaration: integer arguments and clauses of the one shape <c>keyword target? (from source)?;</c>.</summary>
    public sealed record LayerDeclarationSyntax(string Name, SourceSpan NameSpan, IReadOnlyList<IntParameterSyntax> Parameters, IReadOnlyList<LayerClauseSyntax> Clauses, SourceSpan Span)
        : DeclarationSyntax(Name, NameSpan, Span);

    public sealed record LayerClauseSyntax(string Keyword, SourceSpan KeywordSpan, LayerTermSyntax? Target, LayerTermSyntax? Source, SourceSpan Span) : SyntaxNode(Span);

    /// <summary><c>name</c> or <c>name(arguments)</c>; <see cref="Arguments"/> is null without parentheses.</summary>
    public sealed record LayerTermSyntax(string Name, SourceSpan NameSpan, IReadOnlyList<ExpressionSyntax>? Arguments, SourceSpan Span) : SyntaxNode(Span);

    /// <summary><c>specialize sim14(6), sim14(n = 10);</c>: instantiations that get generated kernels. Name and NameSpan are the first target's.</summary>
    public sealed record SpecializeDeclarationSyntax(IReadOnlyList<SpecializeTargetSyntax> Targets, SourceSpan Span)
        : DeclarationSyntax(Targets[0].Circuit, Targets[0].NameSpan, Span);

    public sealed record SpecializeTargetSyntax(string Circuit, SourceSpan NameSpan, IReadOnlyList<SpecializeArgumentSyntax> Arguments, SourceSpan Span) : SyntaxNode(Span);

    /// <summary>A positional (<see cref="Name"/> null) or named argument of a specialization.</summary>
    public sealed record SpecializeArgumentSyntax(string? Name, ExpressionSyntax Value, SourceSpan Span) : SyntaxNode(Span);

    public sealed record IntParameterSyntax(string Name, ExpressionSyntax? Default, SourceSpan Span) : SyntaxNode(Span);

    // Statements

    public abstract record StatementSyntax(SourceSpan Span) : SyntaxNode(Span);

    public sealed record QubitDeclarationSyntax(string Name, ExpressionSyntax Size, SourceSpan Span) : StatementSyntax(Span);

    public sealed record ParamDeclarationSyntax(string Name, IReadOnlyList<ExpressionSyntax> Dimensions, SourceSpan Span) : StatementSyntax(Span);

    public sealed record LetSyntax(string Name, ExpressionSyntax Value, SourceSpan Span) : StatementSyntax(Span);

    public sealed record ForSyntax(string Variable, ExpressionSyntax Start, ExpressionSyntax? Step, ExpressionSyntax End, IReadOnlyList<StatementSyntax> Body, SourceSpan Span) : StatementSyntax(Span);

    public sealed record EncodeSyntax(string Encoding, SourceSpan EncodingSpan, string InputName, ExpressionSyntax Length, IReadOnlyList<OperandSyntax> Operands, SourceSpan Span) : StatementSyntax(Span);

    public sealed record ReadoutArgumentSyntax(string Name, OperandSyntax? Operand, SourceSpan Span) : SyntaxNode(Span);

    public sealed record ReadoutSyntax(string Kind, SourceSpan KindSpan, IReadOnlyList<ReadoutArgumentSyntax> Arguments, bool Each, IReadOnlyList<OperandSyntax> Operands, SourceSpan Span) : StatementSyntax(Span);

    public abstract record ModifierSyntax(SourceSpan Span) : SyntaxNode(Span);

    public sealed record CtrlModifierSyntax(ExpressionSyntax? Count, SourceSpan Span) : ModifierSyntax(Span);

    public sealed record InvModifierSyntax(SourceSpan Span) : ModifierSyntax(Span);

    public sealed record ParameterBindingSyntax(string Name, ExpressionSyntax Value, SourceSpan Span) : SyntaxNode(Span);

    /// <summary>A gate application or a call of another circuit: the binder decides which.</summary>
    public sealed record GateCallSyntax(
        IReadOnlyList<ModifierSyntax> Modifiers,
        string Name,
        SourceSpan NameSpan,
        IReadOnlyList<ExpressionSyntax> Arguments,
        IReadOnlyList<OperandSyntax> Operands,
        IReadOnlyList<ParameterBindingSyntax> Bindings,
        SourceSpan Span) : StatementSyntax(Span);

    /// <summary><c>q</c>, <c>q[i]</c> or <c>q[a:b]</c>.</summary>
    public sealed record OperandSyntax(string Name, IndexerSyntax? Indexer, SourceSpan Span) : SyntaxNode(Span);

    /// <summary><c>[e]</c> or the inclusive range <c>[a:b]</c>.</summary>
    public sealed record IndexerSyntax(ExpressionSyntax Start, ExpressionSyntax? End, SourceSpan Span) : SyntaxNode(Span);

    // Expressions

    public abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);

    public sealed record IntegerLiteralSyntax(long Value, SourceSpan Span) : ExpressionSyntax(Span);

    public sealed record RealLiteralSyntax(double Value, SourceSpan Span) : ExpressionSyntax(Span);

    public sealed record NameSyntax(string Name, SourceSpan Span) : ExpressionSyntax(Span);

    public sealed record IndexSyntax(ExpressionSyntax Target, IndexerSyntax Indexer, SourceSpan Span) : ExpressionSyntax(Span);

    public sealed record CallSyntax(string Function, IReadOnlyList<ExpressionSyntax> Arguments, SourceSpan Span) : ExpressionSyntax(Span);

    public sealed record UnarySyntax(string Operator, ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);

    public sealed record BinarySyntax(string Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);
}
