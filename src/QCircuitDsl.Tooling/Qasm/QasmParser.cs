namespace QCircuitDsl.Tooling.Qasm;

/// <summary>
/// Recursive-descent parser for the OpenQASM 3 subset that maps onto .qc: version and include,
/// qubit registers, float inputs, integer/float constants, gate definitions, gate calls with
/// modifiers, <c>for</c> loops and <c>barrier</c>. Everything else is rejected with its line and a
/// reason, instead of being half-translated.
/// </summary>
internal sealed partial class QasmParser
{
    private static readonly HashSet<string> Includes = new(StringComparer.Ordinal) { "stdgates.inc", "qelib1.inc" };

    /// <summary>Words that start a construct .qc cannot express, and why.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["measure"] = "measurement is not supported (.qc circuits end in readouts, declared with 'readout')",
        ["reset"] = "'reset' is not supported (.qc circuits have no mid-circuit operations)",
        ["if"] = "'if' is not supported (.qc circuits have no classical control flow)",
        ["else"] = "'else' is not supported (.qc circuits have no classical control flow)",
        ["while"] = "'while' is not supported (only 'for' loops over constant integer ranges are)",
        ["switch"] = "'switch' is not supported (.qc circuits have no classical control flow)",
        ["break"] = "'break' is not supported",
        ["continue"] = "'continue' is not supported",
        ["return"] = "'return' is not supported",
        ["bit"] = "classical bits ('bit') are not supported (.qc circuits have no classical registers)",
        ["creg"] = "classical registers ('creg') are not supported (.qc circuits have no classical registers)",
        ["output"] = "'output' declarations are not supported (readouts are declared in .qc with 'readout')",
        ["def"] = "subroutines ('def') are not supported; use 'gate' definitions",
        ["extern"] = "'extern' is not supported",
        ["defcal"] = "pulse-level calibrations ('defcal') are not supported",
        ["cal"] = "pulse-level calibrations ('cal') are not supported",
        ["defcalgrammar"] = "pulse-level calibrations ('defcalgrammar') are not supported",
        ["delay"] = "'delay' is not supported (.qc circuits have no timing)",
        ["box"] = "'box' is not supported (.qc circuits have no timing)",
        ["opaque"] = "opaque gates are not supported (a gate needs a body to be translated)",
        ["let"] = "aliases ('let') are not supported",
        ["negctrl"] = "'negctrl @' is not supported; write 'x' gates around a 'ctrl @' instead",
    };

    /// <summary>Type words that would start a classical variable declaration.</summary>
    private static readonly HashSet<string> ClassicalTypes = new(StringComparer.Ordinal)
    {
        "int", "uint", "float", "angle", "bool", "complex", "duration", "stretch", "array",
    };

    private readonly List<QasmToken> _tokens;
    private int _position;

    private QasmParser(List<QasmToken> tokens) => _tokens = tokens;

    public static QasmProgram Parse(string text)
    {
        var parser = new QasmParser(QasmTokenizer.Tokenize(text));
        return parser.ParseProgram();
    }

    private QasmToken Current => _tokens[_position];

    private QasmToken Peek(int ahead = 1) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private QasmProgram ParseProgram()
    {
        var statements = new List<QasmStatement>();
        if (Current.Is("OPENQASM"))
        {
            ParseVersion();
        }

        while (Current.Kind != QasmTokenKind.End)
        {
            if (ParseStatement(global: true) is QasmStatement s)
            {
                statements.Add(s);
            }
        }

        return new QasmProgram(statements);
    }

    private void ParseVersion()
    {
        var start = Next();
        var version = Next();
        if ((version.Kind != QasmTokenKind.Integer && version.Kind != QasmTokenKind.Real) || !(version.Text.StartsWith("3", StringComparison.Ordinal) || version.Text.StartsWith("2", StringComparison.Ordinal)))
        {
            throw Error(version, $"expected the OpenQASM version 3 (or 2) after 'OPENQASM', found {version.Describe()}");
        }

        Expect(";");
        _ = start;
    }

    /// <summary>One statement; null for those that produce nothing (include).</summary>
    private QasmStatement? ParseStatement(bool global)
    {
        var t = Current;
        if (t.Kind == QasmTokenKind.Directive)
        {
            throw Error(t, $"'{t.Text.Split(' ')[0]}' is not supported (pragmas and annotations have no .qc equivalent)");
        }

        if (t.Kind == QasmTokenKind.HardwareQubit)
        {
            throw Error(t, $"physical qubit '{t.Text}' is not supported; declare a register with 'qubit[n] q;'");
        }

        if (t.Kind != QasmTokenKind.Identifier)
        {
            throw Error(t, $"expected a statement, found {t.Describe()}");
        }

        if (Unsupported.TryGetValue(t.Text, out var reason))
        {
            throw Error(t, reason);
        }

        switch (t.Text)
        {
            case "OPENQASM":
                throw Error(t, "'OPENQASM' must be the first statement");
            case "include":
                return ParseInclude(global);
            case "qubit":
            case "qreg":
                RequireGlobal(t, global);
                return ParseQubitDeclaration();
            case "input":
                RequireGlobal(t, global);
                return ParseInput();
            case "const":
                RequireGlobal(t, global);
                return ParseConst();
            case "gate":
                RequireGlobal(t, global);
                return ParseGateDefinition();
            case "for":
                return ParseFor(global);
            case "barrier":
                return ParseBarrier();
        }

        if (ClassicalTypes.Contains(t.Text))
        {
            throw Error(t, $"classical variables ('{t.Text}') are not supported; only 'const' and 'input' declarations are");
        }

        var after = Peek();
        if (after.Is("=") || after.Is("[") || after.Is("+=") || after.Is("-=") || after.Is("*=") || after.Is("/=") || after.Is("++"))
        {
            throw Error(t, $"assignment to '{t.Text}' is not supported (.qc circuits have no classical variables)");
        }

        return ParseGateCall();
    }

    private void RequireGlobal(QasmToken t, bool global)
    {
        if (!global)
        {
            throw Error(t, $"'{t.Text}' is only allowed at the top level of the program");
        }
    }

    private QasmStatement? ParseInclude(bool global)
    {
        var t = Next();
        RequireGlobal(t, global);
        var file = Next();
        if (file.Kind != QasmTokenKind.String)
        {
            throw Error(file, $"expected a file name in quotes after 'include', found {file.Describe()}");
        }

        if (!Includes.Contains(file.Text))
        {
            throw Error(file, $"include \"{file.Text}\" is not supported; only \"stdgates.inc\" (and OpenQASM 2's \"qelib1.inc\") are known");
        }

        Expect(";");
        return null;
    }

    private QasmStatement ParseQubitDeclaration()
    {
        var t = Next();
        QasmExpression? size = null;
        if (t.Text == "qubit" && Accept("["))
        {
            size = ParseExpression();
            Expect("]");
        }

        var name = ExpectIdentifier("a register name");
        if (t.Text == "qreg" && Accept("["))
        {
            size = ParseExpression();
            Expect("]");
        }

        Expect(";");
        return new QasmQubitDeclaration(name.Text, size, t.Line, t.Column);
    }

    private QasmStatement ParseInput()
    {
        var t = Next();
        var type = ExpectIdentifier("a type");
        QasmExpression? arraySize = null;
        if (type.Text == "array")
        {
            Expect("[");
            ParseRealType(ExpectIdentifier("the element type"));
            Expect(",");
            arraySize = ParseExpression();
            if (Current.Is(","))
            {
                throw Error(Current, "multi-dimensional input arrays are not supported; use one dimension (flattened row-major)");
            }

            Expect("]");
        }
        else
        {
            ParseRealType(type);
        }

        var name = ExpectIdentifier("an input name");
        Expect(";");
        return new QasmInputDeclaration(name.Text, arraySize, t.Line, t.Column);
    }

    /// <summary><c>float</c>, <c>float[64]</c>, <c>angle</c>, <c>angle[32]</c>: real parameters; any other type is rejected.</summary>
    private void ParseRealType(QasmToken type)
    {
        if (type.Text != "float" && type.Text != "angle")
        {
            throw Error(type, $"input of type '{type.Text}' is not supported; circuit parameters are 'input float[64] name;' (or angle)");
        }

        if (Accept("["))
        {
            ParseExpression();
            Expect("]");
        }
    }

    private QasmStatement ParseConst()
    {
        var t = Next();
        var type = ExpectIdentifier("a type");
        bool isInteger = type.Text is "int" or "uint";
        if (!isInteger && type.Text != "float" && type.Text != "angle")
        {
            throw Error(type, $"constants of type '{type.Text}' are not supported; use int, uint, float or angle");
        }

        if (Accept("["))
        {
            ParseExpression();
            Expect("]");
        }

        var name = ExpectIdentifier("a constant name");
        Expect("=");
        var value = ParseExpression();
        Expect(";");
        return new QasmConstDeclaration(name.Text, isInteger, value, t.Line, t.Column);
    }

    private QasmStatement ParseGateDefinition()
    {
        var t = Next();
        var name = ExpectIdentifier("a gate name");
        var parameters = new List<string>();
        if (Accept("("))
        {
            if (!Current.Is(")"))
            {
                do
                {
                    parameters.Add(ExpectIdentifier("a parameter name").Text);
                }
                while (Accept(","));
            }

            Expect(")");
        }

        var qubits = new List<string>();
        do
        {
            qubits.Add(ExpectIdentifier("a qubit argument name").Text);
        }
        while (Accept(","));

        return new QasmGateDefinition(name.Text, parameters, qubits, ParseBlock(), t.Line, t.Column);
    }

    private List<QasmStatement> ParseBlock()
    {
        Expect("{");
        var body = new List<QasmStatement>();
        while (!Current.Is("}"))
        {
            if (Current.Kind == QasmTokenKind.End)
            {
                throw Error(Current, "missing '}'");
            }

            if (ParseStatement(global: false) is QasmStatement s)
            {
                body.Add(s);
            }
        }

        Expect("}");
        return body;
    }

    private QasmStatement ParseFor(bool global)
    {
        var t = Next();
        // OpenQASM 3.0 writes "for int i in ..."; earlier drafts "for i in ...".
        if (Current.Kind == QasmTokenKind.Identifier && Peek().Kind == QasmTokenKind.Identifier && !Peek().Is("in"))
        {
            Next();
            if (Accept("["))
            {
                ParseExpression();
                Expect("]");
            }
        }

        var variable = ExpectIdentifier("a loop variable");
        if (!Current.Is("in"))
        {
            throw Error(Current, $"expected 'in' after the loop variable, found {Current.Describe()}");
        }

        Next();
        QasmRange? range = null;
        List<QasmExpression>? set = null;
        if (Accept("["))
        {
            range = ParseRangeAfterStart(ParseExpression());
            Expect("]");
        }
        else if (Accept("{"))
        {
            set = new List<QasmExpression>();
            do
            {
                set.Add(ParseExpression());
            }
            while (Accept(","));
            Expect("}");
        }
        else
        {
            throw Error(Current, $"expected a range '[a : b]' or a set '{{a, b}}' after 'in', found {Current.Describe()}");
        }

        var body = Current.Is("{") ? ParseBlock() : new List<QasmStatement> { ParseStatement(global: false) ?? throw Error(Current, "a loop body cannot be an include") };
        _ = global;
        return new QasmFor(variable.Text, range, set, body, t.Line, t.Column);
    }

    /// <summary>After <c>[a</c>: <c>: b</c> or <c>: s : b</c>.</summary>
    private QasmRange ParseRangeAfterStart(QasmExpression start)
    {
        Expect(":");
        var second = ParseExpression();
        if (Accept(":"))
        {
            return new QasmRange(start, second, ParseExpression());
        }

        return new QasmRange(start, null, second);
    }

    private QasmStatement ParseBarrier()
    {
        var t = Next();
        while (!Current.Is(";"))
        {
            if (Current.Kind == QasmTokenKind.End)
            {
                throw Error(Current, "missing ';' after 'barrier'");
            }

            Next();
        }

        Next();
        return new QasmBarrier(t.Line, t.Column);
    }

    private QasmStatement ParseGateCall()
    {
        var first = Current;
        var modifiers = new List<QasmModifier>();
        while (Current.Is("ctrl") || Current.Is("inv") || Current.Is("pow") || Current.Is("negctrl"))
        {
            var m = Next();
            if (m.Text == "negctrl")
            {
                throw Error(m, Unsupported["negctrl"]);
            }

            QasmExpression? argument = null;
            if (Accept("("))
            {
                argument = ParseExpression();
                Expect(")");
            }

            if (m.Text == "pow" && argument is null)
            {
                throw Error(m, "'pow' needs an exponent: 'pow(k) @'");
            }

            Expect("@");
            modifiers.Add(new QasmModifier(m.Text, argument, m.Line, m.Column));
        }

        var name = ExpectIdentifier("a gate name");
        if (Unsupported.TryGetValue(name.Text, out var reason))
        {
            throw Error(name, reason);
        }

        var arguments = new List<QasmExpression>();
        if (Accept("("))
        {
            if (!Current.Is(")"))
            {
                do
                {
                    arguments.Add(ParseExpression());
                }
                while (Accept(","));
            }

            Expect(")");
        }

        if (Current.Is("["))
        {
            throw Error(Current, $"gate durations ('{name.Text}(...)[t]') are not supported");
        }

        var operands = new List<QasmOperand>();
        if (!Current.Is(";"))
        {
            do
            {
                operands.Add(ParseOperand());
            }
            while (Accept(","));
        }

        if (Current.Is("->"))
        {
            throw Error(Current, "'->' (OpenQASM 2 measurement) is not supported");
        }

        Expect(";");
        return new QasmGateCall(modifiers, name.Text, arguments, operands, first.Line, first.Column);
    }

    private QasmOperand ParseOperand()
    {
        var t = Current;
        if (t.Kind == QasmTokenKind.HardwareQubit)
        {
            throw Error(t, $"physical qubit '{t.Text}' is not supported; declare a register with 'qubit[n] q;'");
        }

        var name = ExpectIdentifier("a qubit operand");
        if (!Accept("["))
        {
            return new QasmOperand(name.Text, null, null, t.Line, t.Column);
        }

        if (Current.Is("{"))
        {
            throw Error(Current, "index sets ('q[{0, 2}]') are not supported; use single indices or a range 'q[a:b]'");
        }

        var first = ParseExpression();
        if (Current.Is(":"))
        {
            var range = ParseRangeAfterStart(first);
            Expect("]");
            return new QasmOperand(name.Text, null, range, t.Line, t.Column);
        }

        Expect("]");
        if (Current.Is("["))
        {
            throw Error(Current, "multi-dimensional qubit indexing is not supported");
        }

        return new QasmOperand(name.Text, first, null, t.Line, t.Column);
    }

    // ---- Token helpers

    private QasmToken Next()
    {
        var t = Current;
        if (_position < _tokens.Count - 1)
        {
            _position++;
        }

        return t;
    }

    private bool Accept(string symbol)
    {
        if (Current.Kind == QasmTokenKind.Symbol && Current.Text == symbol)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Error(Current, $"expected '{symbol}', found {Current.Describe()}");
        }
    }

    private QasmToken ExpectIdentifier(string what)
    {
        if (Current.Kind != QasmTokenKind.Identifier)
        {
            throw Error(Current, $"expected {what}, found {Current.Describe()}");
        }

        return Next();
    }

    private static QasmImportException Error(QasmToken at, string message) => new(at.Line, at.Column, message);
}
