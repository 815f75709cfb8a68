namespace QCircuitDsl.Runtime.Ops;

/// <summary>Scalar special functions .NET does not provide. Accurate to about 1e-15 relative, so that float64 gradient
/// checks of GELU are not polluted by approximation error.</summary>
internal static class SpecialFunctions
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>Error function: a positive-term series for |x| &lt; 3.5 (no cancellation), the Laplace continued
    /// fraction of erfc beyond, and ±1 once erfc underflows the double precision of the result.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var ax = Math.Abs(x);
        if (ax >= 6.0) return Math.Sign(x);
        if (ax < 3.5)
        {
            // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n (2x^2)^n x / (1*3*...*(2n+1))
            var twoX2 = 2 * x * x;
            double term = x, sum = x;
            for (var n = 1; n < 200; n++)
            {
                term *= twoX2 / (2 * n + 1);
                sum += term;
                if (Math.Abs(term) <= 1e-17 * Math.Abs(sum)) break;
            }
            return TwoOverSqrtPi * Math.Exp(-x * x) * sum;
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail.
        var fraction = ax;
        for (var n = 120; n >= 1; n--) fraction = ax + n * 0.5 / fraction;
        var erfc = Math.Exp(-ax * ax) * OneOverSqrtPi / fraction;
        return Math.Sign(x) * (1 - erfc);
    }

    /// <summary>Abramowitz &amp; Stegun 7.1.26: |error| &lt; 1.5e-7, below float32 resolution near 1 and much cheaper
    /// than <see cref="Erf"/>. Used for float32 tensors only.</summary>
    public static double ErfSingle(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var ax = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * ax);
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return Math.Sign(x) * (1 - poly * Math.Exp(-ax * ax));
    }
}
