using System;
using System.Text;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>A small indenting writer: the emitter writes text, never Roslyn syntax trees.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _sb.Append(' ', _indent * 4);
            }

            _sb.Append(text).Append('\n');
        }

        /// <summary>Writes each line of <paramref name="text"/> at the current indentation.</summary>
        public void Lines(string text)
        {
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                Line(line);
            }
        }

        public void Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        public IDisposable Block(string header)
        {
            Open(header);
            return new Closer(this);
        }

        public override string ToString() => _sb.ToString();

        private sealed class Closer : IDisposable
        {
            private readonly SourceWriter _w;

            public Closer(SourceWriter w) => _w = w;

            public void Dispose() => _w.Close();
        }
    }
}
