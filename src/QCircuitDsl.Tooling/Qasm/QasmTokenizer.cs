using System.Globalization;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Splits OpenQASM 3 text into tokens. It knows the whole lexical surface (strings, hardware qubits,
/// pragmas, annotations, every operator) so that unsupported constructs reach the parser as readable
/// tokens and are rejected there by name, not as an odd character.
/// </summary>
internal static class QasmTokenizer
{
    // Longest first, so that "**" wins over "*" and "<<=" over "<<".
    private static readonly string[] Symbols =
    {
        "<<=", ">>=", "**=", "**", "->", "++", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "~=", "==", "!=", "<=", ">=", "<<", ">>", "&&", "||",
        "(", ")", "[", "]", "{", "}", ";", ",", ":", "@", "+", "-", "*", "/", "%", "=", "<", ">", "!", "~", "^", "&", "|", ".",
    };

    public static List<QasmToken> Tokenize(string text)
    {
        var tokens = new List<QasmToken>();
        int i = 0, line = 1, lineStart = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int column = i - lineStart + 1;
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && At(text, i + 1, '/'))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(text, i + 1, '*'))
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new QasmImportException(line, column, "unterminated block comment: '/*' has no closing '*/'");
                }

                for (int k = i; k < end; k++)
                {
                    if (text[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }

                i = end + 2;
            }
            else if (IsIdentifierStart(c))
            {
                int start = i;
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                tokens.Add(new QasmToken(QasmTokenKind.Identifier, text[start..i], line, column));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(Number(text, ref i, line, column));
            }
            else if (c == '"' || c == '\'')
            {
                int end = text.IndexOf(c, i + 1);
                if (end < 0 || text.IndexOf('\n', i + 1, end - i - 1) >= 0)
                {
                    throw new QasmImportException(line, column, "unterminated string");
                }

                tokens.Add(new QasmToken(QasmTokenKind.String, text[(i + 1)..end], line, column));
                i = end + 1;
            }
            else if (c == '$' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                int start = i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new QasmToken(QasmTokenKind.HardwareQubit, text[start..i], line, column));
            }
            else if (c == '#' || (c == '@' && i + 1 < text.Length && IsIdentifierStart(text[i + 1])))
            {
                int end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                tokens.Add(new QasmToken(QasmTokenKind.Directive, text[i..end].TrimEnd(), line, column));
                i = end;
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                    ?? throw new QasmImportException(line, column, $"unexpected character '{c}'");
                tokens.Add(new QasmToken(QasmTokenKind.Symbol, symbol, line, column));
                i += symbol.Length;
            }
        }

        tokens.Add(new QasmToken(QasmTokenKind.End, "", line, text.Length - lineStart + 1));
        return tokens;
    }

    private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

    // OpenQASM 3 identifiers may use Unicode letters (θ, φ, λ in stdgates.inc) and the constants π, τ, ℯ.
    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

    /// <summary>Decimal integers (with '_' separators), hex/octal/binary integers, and reals with optional exponent.</summary>
    private static QasmToken Number(string text, ref int i, int line, int column)
    {
        int start = i;
        if (text[i] == '0' && i + 1 < text.Length && "xXoObB".Contains(text[i + 1]))
        {
            char radixChar = char.ToLowerInvariant(text[i + 1]);
            i += 2;
            int digitsStart = i;
            while (i < text.Length && (char.IsAsciiHexDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var digits = text[digitsStart..i].Replace("_", "");
            int radix = radixChar == 'x' ? 16 : radixChar == 'o' ? 8 : 2;
            try
            {
                return new QasmToken(QasmTokenKind.Integer, Convert.ToInt64(digits, radix).ToString(CultureInfo.InvariantCulture), line, column);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                throw new QasmImportException(line, column, $"malformed integer literal '{text[start..i]}'");
            }
        }

        bool real = false;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            real = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int save = i;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                real = true;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        return new QasmToken(real ? QasmTokenKind.Real : QasmTokenKind.Integer, text[start..i].Replace("_", ""), line, column);
    }
}
