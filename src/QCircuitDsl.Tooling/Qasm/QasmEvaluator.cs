using System.Globalization;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Evaluates expressions to <see cref="QasmValue"/>s. Integers follow OpenQASM/C (division truncates);
/// reals stay affine in the inputs: a product or quotient of two parameter-dependent values, or a
/// function of one, is rejected because .qc angles must be affine.
/// </summary>
internal static class QasmEvaluator
{
    private static readonly Dictionary<string, Func<double, double>> Functions = new(StringComparer.Ordinal)
    {
        ["sin"] = Math.Sin, ["cos"] = Math.Cos, ["tan"] = Math.Tan,
        ["arcsin"] = Math.Asin, ["arccos"] = Math.Acos, ["arctan"] = Math.Atan,
        ["exp"] = Math.Exp, ["log"] = Math.Log, ["ln"] = Math.Log, ["sqrt"] = Math.Sqrt,
        ["abs"] = Math.Abs, ["floor"] = Math.Floor, ["ceiling"] = Math.Ceiling,
    };

    public static QasmValue Evaluate(QasmExpression e, QasmScope scope) => e switch
    {
        QasmNumber n => Number(n),
        QasmName n => Name(n, scope),
        QasmUnary u => u.Operator == "-" ? Negate(Evaluate(u.Operand, scope)) : Evaluate(u.Operand, scope),
        QasmBinary b => Binary(b, Evaluate(b.Left, scope), Evaluate(b.Right, scope)),
        QasmCall c => Call(c, scope),
        QasmIndex i => Index(i, scope),
        _ => throw Error(e, "unsupported expression"),
    };

    /// <summary>An integer that does not depend on inputs: sizes, indices, loop bounds, ctrl counts.</summary>
    public static long Integer(QasmExpression e, QasmScope scope, string what)
    {
        var v = Evaluate(e, scope);
        if (v.IsInteger)
        {
            return v.Integer;
        }

        throw Error(e, v.IsConstant
            ? $"{what} must be a constant integer, found the real number {QasmAngleWriter.Number(v.Real.Constant)}"
            : $"{what} must be a constant integer, but it depends on input parameters");
    }

    private static QasmValue Number(QasmNumber n)
    {
        if (n.IsInteger)
        {
            return long.TryParse(n.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                ? QasmValue.Of(i)
                : throw Error(n, $"integer literal {n.Text} is too large");
        }

        return QasmValue.Of(double.Parse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static QasmValue Name(QasmName n, QasmScope scope)
    {
        switch (n.Name)
        {
            case "pi":
            case "π":
                return QasmValue.Of(Math.PI);
            case "tau":
            case "τ":
                return QasmValue.Of(2 * Math.PI);
            case "euler":
            case "ℯ":
                return QasmValue.Of(Math.E);
        }

        return scope.Lookup(n.Name) switch
        {
            QasmValueBinding v => v.Value,
            QasmInputArrayBinding => throw Error(n, $"input array '{n.Name}' is used without an index"),
            QasmRegisterBinding or QasmGateQubitBinding => throw Error(n, $"qubit '{n.Name}' cannot be used in an expression"),
            _ => throw Error(n, $"unknown name '{n.Name}'"),
        };
    }

    private static QasmValue Index(QasmIndex i, QasmScope scope)
    {
        if (i.Target is not QasmName name || scope.Lookup(name.Name) is not QasmInputArrayBinding array)
        {
            throw Error(i, "only input arrays can be indexed in an expression");
        }

        long k = Integer(i.Index, scope, "an input array index");
        if (k < 0 || k >= array.Size)
        {
            throw Error(i, $"index {k} is outside input array '{name.Name}' of {array.Size} elements");
        }

        return QasmValue.Of(AffineExpression.FromParameter(array.First + (int)k));
    }

    private static QasmValue Negate(QasmValue v) => v.IsInteger ? QasmValue.Of(-v.Integer) : QasmValue.Of(-v.Real);

    private static QasmValue Binary(QasmBinary b, QasmValue l, QasmValue r)
    {
        if (l.IsInteger && r.IsInteger)
        {
            return IntegerBinary(b, l.Integer, r.Integer);
        }

        switch (b.Operator)
        {
            case "+":
                return QasmValue.Of(l.Real + r.Real);
            case "-":
                return QasmValue.Of(l.Real - r.Real);
            case "*":
                if (l.IsConstant)
                {
                    return QasmValue.Of(r.Real * l.Real.Constant);
                }

                if (r.IsConstant)
                {
                    return QasmValue.Of(l.Real * r.Real.Constant);
                }

                throw Error(b, "a product of two input parameters is not affine; .qc angles must be affine in the parameters");
            case "/":
                if (!r.IsConstant)
                {
                    throw Error(b, "division by an input parameter is not affine; .qc angles must be affine in the parameters");
                }

                if (r.Real.Constant == 0.0)
                {
                    throw Error(b, "division by zero");
                }

                return QasmValue.Of(l.Real / r.Real.Constant);
            case "**":
                RequireConstant(b, l, r);
                return QasmValue.Of(Math.Pow(l.Real.Constant, r.Real.Constant));
            default:
                throw Error(b, $"operator '{b.Operator}' is not supported on real numbers");
        }
    }

    private static QasmValue IntegerBinary(QasmBinary b, long l, long r)
    {
        try
        {
            checked
            {
                switch (b.Operator)
                {
                    case "+": return QasmValue.Of(l + r);
                    case "-": return QasmValue.Of(l - r);
                    case "*": return QasmValue.Of(l * r);
                    case "/" when r == 0:
                    case "%" when r == 0:
                        throw Error(b, "division by zero");
                    case "/": return QasmValue.Of(l / r);
                    case "%": return QasmValue.Of(l % r);
                    case "**" when r >= 0:
                        long p = 1;
                        for (long k = 0; k < r; k++)
                        {
                            p *= l;
                        }

                        return QasmValue.Of(p);
                    case "**":
                        return QasmValue.Of(Math.Pow(l, r));
                    default:
                        throw Error(b, $"operator '{b.Operator}' is not supported");
                }
            }
        }
        catch (OverflowException)
        {
            throw Error(b, "integer overflow");
        }
    }

    private static QasmValue Call(QasmCall c, QasmScope scope)
    {
        var args = c.Arguments.Select(a => Evaluate(a, scope)).ToArray();
        if (args.Length != 1)
        {
            throw Error(c, $"'{c.Function}' takes one argument, found {args.Length}");
        }

        var a = args[0];
        switch (c.Function)
        {
            case "float":
            case "angle":
                return QasmValue.Of(a.Real);
            case "int":
            case "uint":
                RequireConstant(c, a, a);
                return a.IsInteger ? a : QasmValue.Of((long)Math.Truncate(a.Real.Constant));
        }

        if (!Functions.TryGetValue(c.Function, out var f))
        {
            throw Error(c, $"unknown function '{c.Function}'");
        }

        RequireConstant(c, a, a);
        return QasmValue.Of(f(a.Real.Constant));
    }

    private static void RequireConstant(QasmNode at, QasmValue a, QasmValue b)
    {
        if (!a.IsConstant || !b.IsConstant)
        {
            throw Error(at, "a non-linear function of an input parameter is not affine; .qc angles must be affine in the parameters");
        }
    }

    public static QasmImportException Error(QasmNode at, string message) => new(at.Line, at.Column, message);
}
