using System.Globalization;
using System.Text;

namespace QCircuitDsl.Quantum;

/// <summary>
/// An angle as an affine expression of the flat parameter vector: Constant + Σ coeff·p[index].
/// Affine is all the language needs (angles like 2*theta[i] + pi/4) and it keeps the chain rule
/// trivial: ∂angle/∂p[index] is just the coefficient.
/// </summary>
/// <remarks>
/// Terms are kept sorted by index, merged, and without zero coefficients, so structurally equal
/// expressions compare equal. The default value is the constant 0.
/// </remarks>
public readonly struct ParamExpr : IEquatable<ParamExpr>
{
    private static readonly (int Index, double Coefficient)[] NoTerms = [];
    private readonly (int Index, double Coefficient)[]? _terms;

    private ParamExpr(double constant, (int Index, double Coefficient)[] terms)
    {
        Constant = constant;
        _terms = terms.Length == 0 ? null : terms;
    }

    /// <summary>The constant part.</summary>
    public double Constant { get; }

    /// <summary>The linear terms, sorted by index, without zero coefficients.</summary>
    public IReadOnlyList<(int Index, double Coefficient)> Terms => _terms ?? NoTerms;

    /// <summary>Number of linear terms.</summary>
    public int TermCount => _terms?.Length ?? 0;

    /// <summary>The terms as a span, for allocation-free loops in the engine.</summary>
    public ReadOnlySpan<(int Index, double Coefficient)> TermSpan => _terms;

    /// <summary>True when the expression does not depend on any parameter.</summary>
    public bool IsConstant => _terms is null;

    public static ParamExpr Const(double value) => new(value, NoTerms);

    public static ParamExpr Param(int flatIndex)
    {
        if (flatIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(flatIndex), flatIndex, "a flat parameter index must be >= 0.");
        return new ParamExpr(0, [(flatIndex, 1.0)]);
    }

    /// <summary>Builds an expression from arbitrary terms (they are sorted and merged).</summary>
    public static ParamExpr Create(double constant, IEnumerable<(int Index, double Coefficient)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var list = new List<(int Index, double Coefficient)>(terms);
        foreach (var (index, _) in list)
            if (index < 0)
                throw new ArgumentOutOfRangeException(nameof(terms), index, "a flat parameter index must be >= 0.");
        return new ParamExpr(constant, Normalize(list));
    }

    /// <summary>Evaluates the expression; every term index must be inside <paramref name="p"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> p)
    {
        double value = Constant;
        if (_terms is not null)
            foreach (var (index, coefficient) in _terms)
                value += coefficient * p[index];
        return value;
    }

    /// <summary>Largest parameter index used, or -1 for a constant.</summary>
    public int MaxIndex => _terms is null ? -1 : _terms[^1].Index;

    public static implicit operator ParamExpr(double value) => Const(value);

    public static ParamExpr operator +(ParamExpr a, ParamExpr b)
    {
        var list = new List<(int, double)>(a.TermCount + b.TermCount);
        list.AddRange(a.TermSpan.ToArray());
        list.AddRange(b.TermSpan.ToArray());
        return new ParamExpr(a.Constant + b.Constant, Normalize(list));
    }

    public static ParamExpr operator +(ParamExpr a, double b) => new(a.Constant + b, a._terms ?? NoTerms);
    public static ParamExpr operator +(double a, ParamExpr b) => b + a;
    public static ParamExpr operator -(ParamExpr a) => a * -1.0;
    public static ParamExpr operator -(ParamExpr a, ParamExpr b) => a + (-b);
    public static ParamExpr operator -(ParamExpr a, double b) => a + (-b);
    public static ParamExpr operator -(double a, ParamExpr b) => (-b) + a;

    public static ParamExpr operator *(ParamExpr a, double b)
    {
        if (a._terms is null) return Const(a.Constant * b);
        var list = new List<(int, double)>(a._terms.Length);
        foreach (var (index, coefficient) in a._terms) list.Add((index, coefficient * b));
        return new ParamExpr(a.Constant * b, Normalize(list));
    }

    public static ParamExpr operator *(double a, ParamExpr b) => b * a;

    public static ParamExpr operator /(ParamExpr a, double b)
    {
        if (b == 0) throw new DivideByZeroException("an angle expression was divided by zero.");
        if (a._terms is null) return Const(a.Constant / b);
        var list = new List<(int, double)>(a._terms.Length);
        foreach (var (index, coefficient) in a._terms) list.Add((index, coefficient / b));
        return new ParamExpr(a.Constant / b, Normalize(list));
    }

    public static bool operator ==(ParamExpr a, ParamExpr b) => a.Equals(b);
    public static bool operator !=(ParamExpr a, ParamExpr b) => !a.Equals(b);

    public bool Equals(ParamExpr other)
    {
        if (!Constant.Equals(other.Constant)) return false;
        return TermSpan.SequenceEqual(other.TermSpan);
    }

    public override bool Equals(object? obj) => obj is ParamExpr other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Constant);
        foreach (var term in TermSpan) hash.Add(term);
        return hash.ToHashCode();
    }

    /// <summary>Readable form such as "0.5 + 2*p[3] - p[7]".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (_terms is not null)
        {
            foreach (var (index, coefficient) in _terms)
            {
                double magnitude = Math.Abs(coefficient);
                if (sb.Length == 0) { if (coefficient < 0) sb.Append('-'); }
                else sb.Append(coefficient < 0 ? " - " : " + ");
                if (magnitude != 1) sb.Append(magnitude.ToString("R", CultureInfo.InvariantCulture)).Append('*');
                sb.Append("p[").Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }
        if (sb.Length == 0) return Constant.ToString("R", CultureInfo.InvariantCulture);
        if (Constant != 0)
            sb.Append(Constant < 0 ? " - " : " + ").Append(Math.Abs(Constant).ToString("R", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static (int Index, double Coefficient)[] Normalize(List<(int Index, double Coefficient)> list)
    {
        list.Sort(static (x, y) => x.Index.CompareTo(y.Index));
        var result = new List<(int, double)>(list.Count);
        int i = 0;
        while (i < list.Count)
        {
            int index = list[i].Index;
            double sum = 0;
            while (i < list.Count && list[i].Index == index) sum += list[i++].Coefficient;
            if (sum != 0) result.Add((index, sum));
        }
        return result.ToArray();
    }
}
