using System.Globalization;
using System.Text;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Gives every OpenQASM name a distinct valid .qc identifier: ASCII letters, digits and '_', not a .qc
/// keyword or the constant <c>pi</c> (OpenQASM allows θ or a register called <c>param</c>; .qc does not).
/// </summary>
internal sealed class QcNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "namespace", "circuit", "int", "layer", "qubit", "param", "let", "for", "in", "encode", "readout", "each",
        "ctrl", "inv", "with", "pi",
    };

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Allocate(string name)
    {
        var candidate = Sanitize(name);
        while (Reserved.Contains(candidate) || !_taken.Add(candidate))
        {
            candidate += "_";
        }

        return candidate;
    }

    public static string Sanitize(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }
}
