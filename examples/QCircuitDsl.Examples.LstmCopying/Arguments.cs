using System.Globalization;

namespace LstmCopying;

/// <summary>"--name value" pairs and "--flag" switches; enough for an example, no parser dependency.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Arguments(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{args[i]}'; expected --name value.");
            string name = args[i][2..];
            bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : null;
        }
    }

    public bool Flag(string name) => _values.Remove(name);

    public string String(string name, string fallback) => Take(name) ?? fallback;

    public int Int(string name, int fallback) => Take(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public ulong ULong(string name, ulong fallback) => Take(name) is { } v ? ulong.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Take(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Throws for any option nobody asked for, so a typo does not silently run with defaults.</summary>
    public void RejectUnknown()
    {
        if (_values.Count > 0)
            throw new ArgumentException($"unknown option(s): {string.Join(", ", _values.Keys.Select(k => "--" + k))}");
    }

    private string? Take(string name)
    {
        if (!_values.Remove(name, out var value)) return null;
        return value ?? throw new ArgumentException($"--{name} needs a value.");
    }
}
