using System;

namespace QCircuitDsl.Compiler.Text
{
    /// <summary>
    /// A region of a source file: character offsets plus 1-based line and column of both ends,
    /// so that diagnostics print as <c>file(line,col)</c> and Roslyn locations can be built from it.
    /// </summary>
    public readonly struct SourceSpan : IEquatable<SourceSpan>
    {
        public SourceSpan(int start, int length, int line, int column, int endLine, int endColumn)
        {
            Start = start;
            Length = length;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public static readonly SourceSpan None = new SourceSpan(0, 0, 1, 1, 1, 1);

        public int Start { get; }
        public int Length { get; }
        public int End => Start + Length;
        /// <summary>1-based line of the first character.</summary>
        public int Line { get; }
        /// <summary>1-based column of the first character.</summary>
        public int Column { get; }
        public int EndLine { get; }
        /// <summary>1-based column just after the last character.</summary>
        public int EndColumn { get; }

        public static SourceSpan Cover(SourceSpan a, SourceSpan b)
        {
            var first = a.Start <= b.Start ? a : b;
            var last = a.End >= b.End ? a : b;
            return new SourceSpan(first.Start, last.End - first.Start, first.Line, first.Column, last.EndLine, last.EndColumn);
        }

        public bool Equals(SourceSpan other) =>
            Start == other.Start && Length == other.Length && Line == other.Line && Column == other.Column &&
            EndLine == other.EndLine && EndColumn == other.EndColumn;

        public override bool Equals(object? obj) => obj is SourceSpan s && Equals(s);

        public override int GetHashCode() => (Start * 397) ^ Length ^ (Line << 16);

        public override string ToString() => "(" + Line + "," + Column + ")";
    }
}
