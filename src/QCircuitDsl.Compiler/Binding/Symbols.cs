using System.Collections.Generic;
using QCircuitDsl.Compiler.Syntax;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Binding
{
    public abstract class Symbol
    {
        protected Symbol(string name, SourceSpan span)
        {
            Name = name;
            Span = span;
        }

        public string Name { get; }
        /// <summary>Where the symbol is declared.</summary>
        public SourceSpan Span { get; }

        public override string ToString() => Name;
    }

    /// <summary>Names usable in integer and real expressions.</summary>
    public abstract class VariableSymbol : Symbol
    {
        protected VariableSymbol(string name, SourceSpan span) : base(name, span)
        {
        }
    }

    /// <summary><c>int n = 4</c> in a circuit header.</summary>
    public sealed class IntParameterSymbol : VariableSymbol
    {
        public IntParameterSymbol(string name, SourceSpan span, int ordinal) : base(name, span)
        {
            Ordinal = ordinal;
        }

        public int Ordinal { get; }
        public BoundExpression? Default { get; internal set; }
    }

    public sealed class LoopVariableSymbol : VariableSymbol
    {
        public LoopVariableSymbol(string name, SourceSpan span) : base(name, span)
        {
        }
    }

    /// <summary><c>let r = ...;</c>: an integer if its value is, otherwise a real (possibly parameter-dependent) value.</summary>
    public sealed class LetSymbol : VariableSymbol
    {
        public LetSymbol(string name, SourceSpan span, BoundExpression value) : base(name, span)
        {
            Value = value;
        }

        public BoundExpression Value { get; }
    }

    /// <summary>The built-in constant π.</summary>
    public sealed class ConstantSymbol : VariableSymbol
    {
        public ConstantSymbol(string name, double value) : base(name, SourceSpan.None)
        {
            Value = value;
        }

        public double Value { get; }
    }

    public sealed class QubitRegisterSymbol : Symbol
    {
        public QubitRegisterSymbol(string name, SourceSpan span, BoundExpression size, int ordinal) : base(name, span)
        {
            Size = size;
            Ordinal = ordinal;
        }

        public BoundExpression Size { get; }
        public int Ordinal { get; }
    }

    public sealed class ParamArraySymbol : Symbol
    {
        public ParamArraySymbol(string name, SourceSpan span, IReadOnlyList<BoundExpression> dimensions, int ordinal) : base(name, span)
        {
            Dimensions = dimensions;
            Ordinal = ordinal;
        }

        public IReadOnlyList<BoundExpression> Dimensions { get; }
        public int Ordinal { get; }
        /// <summary>Set by the binder when a gate angle or a call binding refers to the array.</summary>
        public bool IsReferenced { get; internal set; }
    }

    public sealed class AmplitudeInputSymbol : Symbol
    {
        public AmplitudeInputSymbol(string name, SourceSpan span, BoundExpression length) : base(name, span)
        {
            Length = length;
        }

        public BoundExpression Length { get; }
    }

    /// <summary>A circuit declaration after binding: its interface and its bound body.</summary>
    public sealed class CircuitSymbol : Symbol
    {
        internal CircuitSymbol(CircuitDeclarationSyntax declaration, string filePath, string? ns, string fileText)
            : base(declaration.Name, declaration.NameSpan)
        {
            FileText = fileText;
            Declaration = declaration;
            FilePath = filePath;
            Namespace = ns;
        }

        public CircuitDeclarationSyntax Declaration { get; }
        public string FilePath { get; }
        public string? Namespace { get; }
        /// <summary>The whole text of the file the circuit is declared in (spans index into it).</summary>
        public string FileText { get; }
        /// <summary>The text of the declaration as written, for doc comments.</summary>
        public string SourceText => FileText.Substring(Declaration.Span.Start, System.Math.Min(Declaration.Span.Length, FileText.Length - Declaration.Span.Start));

        public List<IntParameterSymbol> Parameters { get; } = new List<IntParameterSymbol>();
        public List<QubitRegisterSymbol> Registers { get; } = new List<QubitRegisterSymbol>();
        public List<ParamArraySymbol> ParamArrays { get; } = new List<ParamArraySymbol>();
        public AmplitudeInputSymbol? Input { get; internal set; }
        public List<BoundStatement> Body { get; } = new List<BoundStatement>();

        /// <summary>True when every integer argument has a default, so the circuit can be instantiated at compile time.</summary>
        public bool HasDefaultInstantiation
        {
            get
            {
                foreach (var p in Parameters)
                {
                    if (p.Default is null)
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
