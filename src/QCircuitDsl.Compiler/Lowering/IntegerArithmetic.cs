using System;

namespace QCircuitDsl.Compiler
{
    /// <summary>
    /// Integer semantics of the language, shared by the binder's constant checks, the lowerer, and
    /// mirrored by <c>QCircuitDsl.Quantum.IntMath</c> in generated code: '/' and '%' are floored (as
    /// in Python), so <c>(i - 1) % n</c> is always in [0, n) — the natural reading of ring indices.
    /// </summary>
    public static class IntegerArithmetic
    {
        public static long FloorDiv(long a, long b)
        {
            long q = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0)))
            {
                q--;
            }

            return q;
        }

        public static long FloorMod(long a, long b)
        {
            long r = a % b;
            if (r != 0 && ((r < 0) != (b < 0)))
            {
                r += b;
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

        public static long Pow(long a, long b)
        {
            if (b < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(b), "negative exponent in an integer power");
            }

            long r = 1;
            for (long i = 0; i < b; i++)
            {
                r = checked(r * a);
            }

            return r;
        }

        /// <summary>Applies a binary operator; false on division by zero or overflow.</summary>
        public static bool TryApply(char op, long a, long b, out long result)
        {
            result = 0;
            try
            {
                switch (op)
                {
                    case '+': result = checked(a + b); return true;
                    case '-': result = checked(a - b); return true;
                    case '*': result = checked(a * b); return true;
                    case '/': if (b == 0) return false; result = FloorDiv(a, b); return true;
                    case '%': if (b == 0) return false; result = FloorMod(a, b); return true;
                    case '^': if (b < 0) return false; result = Pow(a, b); return true;
                    default: return false;
                }
            }
            catch (OverflowException)
            {
                return false;
            }
        }
    }
}
