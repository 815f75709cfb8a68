using System;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>One generated C# file: its hint name (unique in the compilation) and text.</summary>
    public sealed class GeneratedSource : IEquatable<GeneratedSource>
    {
        public GeneratedSource(string hintName, string text)
        {
            HintName = hintName;
            Text = text;
        }

        public string HintName { get; }
        public string Text { get; }

        public bool Equals(GeneratedSource? other) => other is not null && HintName == other.HintName && Text == other.Text;

        public override bool Equals(object? obj) => obj is GeneratedSource g && Equals(g);

        public override int GetHashCode() => HintName.GetHashCode() ^ Text.Length;
    }
}
