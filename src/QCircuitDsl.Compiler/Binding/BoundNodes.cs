using System.Collections.Generic;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Binding
{
    // The semantic model: names resolved to symbols, gates resolved to kinds, every expression typed.
    // Sizes and indices stay symbolic here (they may depend on circuit arguments); the Lowerer and the
    // emitted construction code evaluate them for concrete arguments.

    public abstract class BoundNode
    {
        protected BoundNode(SourceSpan span)
        {
            Span = span;
        }

        public SourceSpan Span { get; }
    }

    // Expressions

    public abstract class BoundExpression : BoundNode
    {
        protected BoundExpression(SourceSpan span, bool isInteger, bool dependsOnParameters) : base(span)
        {
            IsInteger = isInteger;
            DependsOnParameters = dependsOnParameters;
        }

        /// <summary>True when the value is an integer (usable as a size or index).</summary>
        public bool IsInteger { get; }
        /// <summary>True when the value involves a parameter element (only allowed in angles and real lets).</summary>
        public bool DependsOnParameters { get; }
    }

    public sealed class BoundIntegerLiteral : BoundExpression
    {
        public BoundIntegerLiteral(long value, SourceSpan span) : base(span, true, false) => Value = value;
        public long Value { get; }
    }

    public sealed class BoundRealLiteral : BoundExpression
    {
        public BoundRealLiteral(double value, SourceSpan span) : base(span, false, false) => Value = value;
        public double Value { get; }
    }

    public sealed class BoundVariable : BoundExpression
    {
        public BoundVariable(VariableSymbol variable, SourceSpan span, bool isInteger, bool dependsOnParameters)
            : base(span, isInteger, dependsOnParameters) => Variable = variable;
        public VariableSymbol Variable { get; }
    }

    /// <summary><c>theta[l][i]</c>: one element of a parameter array.</summary>
    public sealed class BoundParameterElement : BoundExpression
    {
        public BoundParameterElement(ParamArraySymbol array, IReadOnlyList<BoundExpression> indices, SourceSpan span) : base(span, false, true)
        {
            Array = array;
            Indices = indices;
        }

        public ParamArraySymbol Array { get; }
        public IReadOnlyList<BoundExpression> Indices { get; }
    }

    public sealed class BoundUnary : BoundExpression
    {
        public BoundUnary(char op, BoundExpression operand, SourceSpan span) : base(span, operand.IsInteger, operand.DependsOnParameters)
        {
            Operator = op;
            Operand = operand;
        }

        public char Operator { get; }
        public BoundExpression Operand { get; }
    }

    public sealed class BoundBinary : BoundExpression
    {
        public BoundBinary(char op, BoundExpression left, BoundExpression right, SourceSpan span)
            : base(span, left.IsInteger && right.IsInteger, left.DependsOnParameters || right.DependsOnParameters)
        {
            Operator = op;
            Left = left;
            Right = right;
        }

        /// <summary>One of + - * / % ^.</summary>
        public char Operator { get; }
        public BoundExpression Left { get; }
        public BoundExpression Right { get; }
    }

    public sealed class BoundBuiltinCall : BoundExpression
    {
        public BoundBuiltinCall(string function, IReadOnlyList<BoundExpression> arguments, SourceSpan span) : base(span, true, false)
        {
            Function = function;
            Arguments = arguments;
        }

        /// <summary>ceil_log2, min or max (integer functions).</summary>
        public string Function { get; }
        public IReadOnlyList<BoundExpression> Arguments { get; }
    }

    /// <summary>Stands in for an expression that failed to bind, so binding can go on and report more.</summary>
    public sealed class BoundErrorExpression : BoundExpression
    {
        public BoundErrorExpression(SourceSpan span) : base(span, true, false)
        {
        }
    }

    // Operands

    /// <summary><c>q</c> (whole register), <c>q[i]</c> or <c>q[a:b]</c> (inclusive).</summary>
    public sealed class BoundQubitOperand : BoundNode
    {
        public BoundQubitOperand(QubitRegisterSymbol register, BoundExpression? index, BoundExpression? rangeEnd, SourceSpan span) : base(span)
        {
            Register = register;
            Index = index;
            RangeEnd = rangeEnd;
        }

        public QubitRegisterSymbol Register { get; }
        public BoundExpression? Index { get; }
        public BoundExpression? RangeEnd { get; }
        public bool IsSingle => Index != null && RangeEnd == null;
    }

    /// <summary>A contiguous row-major block of a parameter array: <c>theta[l]</c> or <c>theta[l][a:b]</c>.</summary>
    public sealed class BoundParameterSlice : BoundNode
    {
        public BoundParameterSlice(ParamArraySymbol array, IReadOnlyList<BoundExpression> prefix, BoundExpression? rangeStart, BoundExpression? rangeEnd, SourceSpan span) : base(span)
        {
            Array = array;
            Prefix = prefix;
            RangeStart = rangeStart;
            RangeEnd = rangeEnd;
        }

        public ParamArraySymbol Array { get; }
        public IReadOnlyList<BoundExpression> Prefix { get; }
        public BoundExpression? RangeStart { get; }
        public BoundExpression? RangeEnd { get; }
    }

    // Statements

    public abstract class BoundStatement : BoundNode
    {
        protected BoundStatement(SourceSpan span) : base(span)
        {
        }
    }

    public sealed class BoundGate : BoundStatement
    {
        public BoundGate(string name, GateKind kind, int controlCount, bool inverse, IReadOnlyList<BoundExpression> angles, IReadOnlyList<BoundQubitOperand> operands, SourceSpan span) : base(span)
        {
            Name = name;
            Kind = kind;
            ControlCount = controlCount;
            Inverse = inverse;
            Angles = angles;
            Operands = operands;
        }

        /// <summary>The gate name as written (e.g. <c>cnot</c>), for messages and drawings.</summary>
        public string Name { get; }
        public GateKind Kind { get; }
        /// <summary>Leading operands that are controls (intrinsic ones such as cx's, plus ctrl @ modifiers).</summary>
        public int ControlCount { get; }
        /// <summary>An odd number of <c>inv @</c> modifiers.</summary>
        public bool Inverse { get; }
        public IReadOnlyList<BoundExpression> Angles { get; }
        /// <summary>Controls first, then targets. A single-qubit gate with one register or slice operand broadcasts over it.</summary>
        public IReadOnlyList<BoundQubitOperand> Operands { get; }
    }

    public sealed class BoundCall : BoundStatement
    {
        public BoundCall(CircuitSymbol callee, IReadOnlyList<BoundExpression> arguments, IReadOnlyList<BoundQubitOperand> operands, IReadOnlyList<KeyValuePair<ParamArraySymbol, BoundParameterSlice>> bindings, bool inverse, SourceSpan span) : base(span)
        {
            Callee = callee;
            Arguments = arguments;
            Operands = operands;
            Bindings = bindings;
            Inverse = inverse;
        }

        public CircuitSymbol Callee { get; }
        /// <summary>One per callee parameter, defaults filled in.</summary>
        public IReadOnlyList<BoundExpression> Arguments { get; }
        public IReadOnlyList<BoundQubitOperand> Operands { get; }
        /// <summary>Callee parameter array → caller slice.</summary>
        public IReadOnlyList<KeyValuePair<ParamArraySymbol, BoundParameterSlice>> Bindings { get; }
        public bool Inverse { get; }
    }

    public sealed class BoundFor : BoundStatement
    {
        public BoundFor(LoopVariableSymbol variable, BoundExpression start, BoundExpression? step, BoundExpression end, IReadOnlyList<BoundStatement> body, SourceSpan span) : base(span)
        {
            Variable = variable;
            Start = start;
            Step = step;
            End = end;
            Body = body;
        }

        public LoopVariableSymbol Variable { get; }
        public BoundExpression Start { get; }
        public BoundExpression? Step { get; }
        /// <summary>Inclusive.</summary>
        public BoundExpression End { get; }
        public IReadOnlyList<BoundStatement> Body { get; }
    }

    public sealed class BoundLet : BoundStatement
    {
        public BoundLet(LetSymbol variable, SourceSpan span) : base(span) => Variable = variable;
        public LetSymbol Variable { get; }
    }

    public sealed class BoundReadout : BoundStatement
    {
        public BoundReadout(IrReadoutKind kind, string axes, IReadOnlyList<BoundQubitOperand> operands, SourceSpan span) : base(span)
        {
            Kind = kind;
            Axes = axes;
            Operands = operands;
        }

        public IrReadoutKind Kind { get; }
        /// <summary>ExpvalEach: the axes per qubit; PauliString: one axis per operand.</summary>
        public string Axes { get; }
        public IReadOnlyList<BoundQubitOperand> Operands { get; }
    }
}

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary><c>encode amplitude(x[len]) q;</c></summary>
    public sealed class BoundEncodeStatement : BoundStatement
    {
        public BoundEncodeStatement(AmplitudeInputSymbol input, IReadOnlyList<BoundQubitOperand> operands, SourceSpan span) : base(span)
        {
            Input = input;
            Operands = operands;
        }

        public AmplitudeInputSymbol Input { get; }
        public IReadOnlyList<BoundQubitOperand> Operands { get; }
    }
}

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary><c>qubit[n] q;</c> kept in statement order, since its size may use an earlier let.</summary>
    public sealed class BoundQubitDeclaration : BoundStatement
    {
        public BoundQubitDeclaration(QubitRegisterSymbol register) : base(register.Span) => Register = register;
        public QubitRegisterSymbol Register { get; }
    }

    /// <summary><c>param theta[a][b];</c> kept in statement order, since its sizes may use an earlier let.</summary>
    public sealed class BoundParamDeclaration : BoundStatement
    {
        public BoundParamDeclaration(ParamArraySymbol array) : base(array.Span) => Array = array;
        public ParamArraySymbol Array { get; }
    }
}
