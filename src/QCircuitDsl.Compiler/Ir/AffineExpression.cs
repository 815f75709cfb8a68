using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace QCircuitDsl.Compiler.Ir
{
    /// <summary>One term c·p[i] of an <see cref="AffineExpression"/>.</summary>
    public readonly struct AffineTerm : IEquatable<AffineTerm>
    {
        public AffineTerm(int parameterIndex, double coefficient)
        {
            ParameterIndex = parameterIndex;
            Coefficient = coefficient;
        }

        /// <summary>Index into the circuit's flat parameter vector (arrays in declaration order, row-major).</summary>
        public int ParameterIndex { get; }

        public double Coefficient { get; }

        public bool Equals(AffineTerm other) => ParameterIndex == other.ParameterIndex && Coefficient.Equals(other.Coefficient);

        public override bool Equals(object? obj) => obj is AffineTerm t && Equals(t);

        public override int GetHashCode() => (ParameterIndex * 397) ^ Coefficient.GetHashCode();
    }

    /// <summary>
    /// A gate angle: Constant + Σ Coefficient·p[ParameterIndex]. Terms are kept sorted by index with
    /// no zero coefficients and no repeated index, so equal expressions compare equal.
    /// Every angle in the language is affine in the parameters (the binder rejects anything else),
    /// which is what makes the adjoint gradient a simple chain rule through each gate.
    /// </summary>
    public sealed class AffineExpression : IEquatable<AffineExpression>
    {
        private static readonly AffineTerm[] NoTerms = new AffineTerm[0];

        public static readonly AffineExpression Zero = new AffineExpression(0.0, NoTerms);

        private readonly AffineTerm[] _terms;

        private AffineExpression(double constant, AffineTerm[] terms)
        {
            Constant = constant;
            _terms = terms;
        }

        public double Constant { get; }

        public IReadOnlyList<AffineTerm> Terms => _terms;

        public bool IsConstant => _terms.Length == 0;

        public static AffineExpression FromConstant(double value) => new AffineExpression(value, NoTerms);

        public static AffineExpression FromParameter(int index) => new AffineExpression(0.0, new[] { new AffineTerm(index, 1.0) });

        public static AffineExpression Create(double constant, IEnumerable<AffineTerm> terms)
        {
            var merged = new SortedDictionary<int, double>();
            foreach (var t in terms)
            {
                merged.TryGetValue(t.ParameterIndex, out var c);
                merged[t.ParameterIndex] = c + t.Coefficient;
            }

            var list = merged.Where(kv => kv.Value != 0.0).Select(kv => new AffineTerm(kv.Key, kv.Value)).ToArray();
            return new AffineExpression(constant, list.Length == 0 ? NoTerms : list);
        }

        public static AffineExpression operator +(AffineExpression a, AffineExpression b) =>
            Create(a.Constant + b.Constant, a._terms.Concat(b._terms));

        public static AffineExpression operator -(AffineExpression a, AffineExpression b) => a + (-b);

        public static AffineExpression operator -(AffineExpression a) => a * -1.0;

        public static AffineExpression operator *(AffineExpression a, double k) =>
            Create(a.Constant * k, a._terms.Select(t => new AffineTerm(t.ParameterIndex, t.Coefficient * k)));

        public static AffineExpression operator *(double k, AffineExpression a) => a * k;

        /// <summary>Divides every coefficient (not multiply by 1/k: generated code divides too, and the two must agree bit for bit).</summary>
        public static AffineExpression operator /(AffineExpression a, double k) =>
            Create(a.Constant / k, a._terms.Select(t => new AffineTerm(t.ParameterIndex, t.Coefficient / k)));

        public double Evaluate(IReadOnlyList<double> parameters)
        {
            double v = Constant;
            foreach (var t in _terms)
            {
                v += t.Coefficient * parameters[t.ParameterIndex];
            }

            return v;
        }

        public bool Equals(AffineExpression? other) =>
            other is not null && Constant.Equals(other.Constant) && _terms.SequenceEqual(other._terms);

        public override bool Equals(object? obj) => obj is AffineExpression e && Equals(e);

        public override int GetHashCode()
        {
            int h = Constant.GetHashCode();
            foreach (var t in _terms)
            {
                h = (h * 31) ^ t.GetHashCode();
            }

            return h;
        }

        /// <summary>Readable form, e.g. <c>2*p[3] + 1.5707963267948966</c>, using names when given.</summary>
        public string ToString(Func<int, string>? parameterName)
        {
            var sb = new StringBuilder();
            foreach (var t in _terms)
            {
                string name = parameterName?.Invoke(t.ParameterIndex) ?? "p[" + t.ParameterIndex.ToString(CultureInfo.InvariantCulture) + "]";
                if (sb.Length > 0)
                {
                    sb.Append(t.Coefficient < 0 ? " - " : " + ");
                }
                else if (t.Coefficient < 0)
                {
                    sb.Append('-');
                }

                double c = Math.Abs(t.Coefficient);
                if (c != 1.0)
                {
                    sb.Append(c.ToString("R", CultureInfo.InvariantCulture)).Append('*');
                }

                sb.Append(name);
            }

            if (Constant != 0.0 || sb.Length == 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append(Constant < 0 ? " - " : " + ");
                    sb.Append(Math.Abs(Constant).ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(Constant.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }

        public override string ToString() => ToString(null);
    }
}
