namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Arithmetic expressions, with OpenQASM 3 precedence: <c>+ -</c> below <c>* / %</c> below unary
/// <c>- +</c> below <c>**</c> (right-associative, so <c>-2**2</c> is −4) below calls and indexing.
/// Comparison and logical operators are not part of the subset: they end the expression and the
/// caller reports what it expected instead.
/// </summary>
internal sealed partial class QasmParser
{
    private QasmExpression ParseExpression() => ParseAdditive();

    private QasmExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Next();
            left = new QasmBinary(op.Text, left, ParseMultiplicative(), op.Line, op.Column);
        }

        return left;
    }

    private QasmExpression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Is("*") || Current.Is("/") || Current.Is("%"))
        {
            var op = Next();
            left = new QasmBinary(op.Text, left, ParseUnary(), op.Line, op.Column);
        }

        return left;
    }

    private QasmExpression ParseUnary()
    {
        if (Current.Is("-") || Current.Is("+"))
        {
            var op = Next();
            return new QasmUnary(op.Text, ParseUnary(), op.Line, op.Column);
        }

        return ParsePower();
    }

    private QasmExpression ParsePower()
    {
        var left = ParsePostfix();
        if (Current.Is("**"))
        {
            var op = Next();
            // Right-associative, and the exponent may carry its own sign: 2 ** -1.
            return new QasmBinary("**", left, ParseUnary(), op.Line, op.Column);
        }

        return left;
    }

    private QasmExpression ParsePostfix()
    {
        var e = ParsePrimary();
        while (Current.Is("["))
        {
            var open = Next();
            var index = ParseExpression();
            Expect("]");
            e = new QasmIndex(e, index, open.Line, open.Column);
        }

        return e;
    }

    private QasmExpression ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case QasmTokenKind.Integer:
                Next();
                return new QasmNumber(true, t.Text, t.Line, t.Column);
            case QasmTokenKind.Real:
                Next();
                return new QasmNumber(false, t.Text, t.Line, t.Column);
            case QasmTokenKind.Identifier:
            {
                Next();
                if (t.Text == "measure")
                {
                    throw Error(t, Unsupported["measure"]);
                }

                if (!Accept("("))
                {
                    return new QasmName(t.Text, t.Line, t.Column);
                }

                var args = new List<QasmExpression>();
                if (!Current.Is(")"))
                {
                    do
                    {
                        args.Add(ParseExpression());
                    }
                    while (Accept(","));
                }

                Expect(")");
                return new QasmCall(t.Text, args, t.Line, t.Column);
            }

            default:
                if (Accept("("))
                {
                    var inner = ParseExpression();
                    Expect(")");
                    return inner;
                }

                throw Error(t, $"expected an expression, found {t.Describe()}");
        }
    }
}
