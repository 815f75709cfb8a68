namespace QCircuitDsl.Quantum;

/// <summary>
/// Integer and list helpers that generated construction code calls, so that it evaluates sizes and
/// indices exactly as the compiler's Lowerer does at build time (its twin:
/// <c>QCircuitDsl.Compiler.IntegerArithmetic</c>): '/' and '%' are floored, as in Python.
/// </summary>
public static class CodegenSupport
{
    public static long FloorDiv(long a, long b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException("integer division by zero in a circuit size or index expression");
        }

        long q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }

    public static long FloorMod(long a, long b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException("integer modulo by zero in a circuit size or index expression");
        }

        long r = a % b;
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r;
    }

    /// <summary>Floored real modulo, for constant parts of angles.</summary>
    public static double FloorMod(double a, double b)
    {
        if (b == 0.0)
        {
            throw new DivideByZeroException("modulo by zero in a gate angle");
        }

        return a - b * Math.Floor(a / b);
    }

    public static long Pow(long a, long b)
    {
        if (b < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "negative exponent in an integer power");
        }

        long r = 1;
        for (long i = 0; i < b; i++)
        {
            r = checked(r * a);
        }

        return r;
    }

    /// <summary>Smallest k with 2^k ≥ x (0 for x ≤ 1).</summary>
    public static long CeilLog2(long x)
    {
        long k = 0;
        while ((1L << (int)k) < x && k < 62)
        {
            k++;
        }

        return k;
    }

    /// <summary>Converts an evaluated size or index to int, failing loudly instead of wrapping.</summary>
    public static int ToInt32(long value) =>
        value is < int.MinValue or > int.MaxValue
            ? throw new OverflowException($"the value {value} does not fit a qubit or parameter index")
            : (int)value;

    /// <summary>Concatenates operand qubit lists, e.g. for a call on q[0:1], r.</summary>
    public static int[] Concat(params int[][] parts)
    {
        int total = 0;
        foreach (var p in parts)
        {
            total += p.Length;
        }

        var result = new int[total];
        int at = 0;
        foreach (var p in parts)
        {
            p.CopyTo(result, at);
            at += p.Length;
        }

        return result;
    }
}
