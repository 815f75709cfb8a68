using System.Globalization;
using System.Linq;
using System.Text;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>How .qc names become C# names, and how values become C# literals (invariant culture, round-trip).</summary>
    public static class Names
    {
        /// <summary><c>strongly_entangling</c> → <c>StronglyEntangling</c>, <c>sim14</c> → <c>Sim14</c>.</summary>
        public static string ClassName(string circuitName)
        {
            var sb = new StringBuilder();
            foreach (var part in circuitName.Split('_').Where(p => p.Length > 0))
            {
                sb.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
            }

            var name = sb.Length == 0 ? "Circuit" : sb.ToString();
            return char.IsDigit(name[0]) ? "C" + name : name;
        }

        /// <summary><c>Kernel_n10_layers1</c>: the nested class of an instantiation's straight-line kernel ('-' becomes 'm').</summary>
        public static string KernelClassName(Ir.IrCircuit instance) =>
            "Kernel" + string.Concat(instance.Arguments.Select(a => "_" + a.Key + a.Value.ToString(CultureInfo.InvariantCulture).Replace('-', 'm')));

        public static string Literal(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default: sb.Append(c); break;
                }
            }

            return sb.Append('"').ToString();
        }

        public static string Literal(double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                return "double.PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "double.NegativeInfinity";
            }

            var s = value.ToString("R", CultureInfo.InvariantCulture);
            return s.Contains(".") || s.Contains("E") || s.Contains("N") ? s + "d" : s + ".0d";
        }

        public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

        public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Escapes text for an XML doc comment.</summary>
        public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
