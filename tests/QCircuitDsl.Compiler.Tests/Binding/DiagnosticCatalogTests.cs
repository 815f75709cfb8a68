using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Tests.Binding;

/// <summary>
/// One or more source cases for every diagnostic of <see cref="DiagnosticCatalog.All"/>: each asserts the ID,
/// severity, line, column and a key phrase of the message. <see cref="Every_catalog_id_has_a_case"/> fails when a
/// diagnostic is added to the catalog without a case here.
/// </summary>
public class DiagnosticCatalogTests
{
    public sealed record Case(string Id, DiagnosticSeverity Severity, string Source, int Line, int? Column, string Phrase, string? SecondFile = null);

    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;
    private const DiagnosticSeverity I = DiagnosticSeverity.Info;

    /// <summary>A circuit whose default instantiation (n = 4) gets a kernel; the cases put 'specialize' on line 1.</summary>
    private const string Ring = "circuit c(int n = 4) {\n    qubit[n] q; param t[n];\n    for int i in [0 : n - 1] ry(t[i]) q[i];\n}";

    private const string Callee3 = "\ncircuit b() { qubit[2] q; param w[3]; rx(w[0]) q[0]; rx(w[1]) q[0]; rx(w[2]) q[0]; }";

    public static readonly Dictionary<string, Case> Cases = new()
    {
        // Syntax
        ["QC0001 missing semicolon"] = new("QC0001", E, "circuit a() {\n    qubit[2] q\n    h q[0];\n}\n", 3, 5, "expected ';'"),
        ["QC0001 end of file"] = new("QC0001", E, "circuit a() {\n    qubit[2] q;\n", 3, 1, "expected"),
        ["QC0002 hash"] = new("QC0002", E, "circuit a() {\n  qubit[2] q;\n  h q[0] #;\n}\n", 3, 10, "unexpected character '#'"),

        // Names and structure
        ["QC1001 unknown gate"] = new("QC1001", E, "circuit a() { qubit[2] q; foo q[0]; }", 1, 27, "unknown gate or circuit 'foo'"),
        ["QC1002 unknown identifier in angle"] = new("QC1002", E, "circuit a() { qubit[2] q; rx(zz) q[0]; }", 1, 30, "unknown identifier 'zz'"),
        ["QC1002 unknown register"] = new("QC1002", E, "circuit a() { qubit[2] q; h r[0]; }", 1, 29, "unknown identifier 'r'"),
        ["QC1002 unknown parameter array"] = new("QC1002", E, "circuit a() { qubit[2] q; rx(w[0]) q[0]; }", 1, 30, "unknown identifier 'w'"),
        ["QC1003 register"] = new("QC1003", E, "circuit a() { qubit[2] q; qubit[1] q; h q; }", 1, 27, "qubit register 'q' is already declared"),
        ["QC1003 argument"] = new("QC1003", E, "circuit a(int n, int n) { qubit[n] q; h q; }", 1, 18, "argument 'n' is already declared"),
        ["QC1003 let"] = new("QC1003", E, "circuit a() { qubit[1] q; let r = 1; let r = 2; h q[r-1]; }", 1, 38, "name 'r' is already declared"),
        ["QC1003 parameter array"] = new("QC1003", E, "circuit a() { qubit[1] q; param t[1]; param t[2]; rx(t[0]) q; }", 1, 39, "parameter array 't' is already declared"),
        ["QC1003 circuit"] = new("QC1003", E, "circuit a() { qubit[1] q; h q; }\ncircuit a() { qubit[1] q; x q; }", 2, 9, "circuit 'a' is already declared"),
        ["QC1003 standard gate"] = new("QC1003", E, "circuit rx() { qubit[1] q; h q; }", 1, 9, "standard gate 'rx' is already declared"),
        ["QC1004 direct"] = new("QC1004", E, "circuit a() { qubit[1] q; a() q; }", 1, 27, "a → a"),
        ["QC1004 indirect"] = new("QC1004", E, "circuit a() { qubit[1] q; b() q; }\ncircuit b() { qubit[1] q; a() q; }", 2, 27, "a → b → a"),
        ["QC1005"] = new("QC1005", E, "circuit a() { qubit[1] q; h q; readout foo q; }", 1, 40, "unknown readout 'foo'"),
        ["QC1006"] = new("QC1006", E, "circuit a() { qubit[1] q; encode angle(x[2]) q; h q; }", 1, 34, "unknown encoding 'angle'"),
        ["QC1007"] = new("QC1007", E, "circuit a() { qubit[1] q; h q[log2(4)]; }", 1, 31, "unknown function 'log2'"),
        ["QC1008 gate after readout"] = new("QC1008", E, "circuit a() { qubit[1] q; h q; readout probs q; h q; }", 1, 49, "'h' cannot follow a readout"),
        ["QC1008 qubit in loop"] = new("QC1008", E, "circuit a() { qubit[2] q; for int i in [0:1] { qubit[1] r; } }", 1, 48, "a qubit register must be declared at the top level"),
        ["QC1008 param in loop"] = new("QC1008", E, "circuit a() { qubit[2] q; for int i in [0:1] { param t[2]; } }", 1, 48, "a parameter array must be declared at the top level"),
        ["QC1008 readout in loop"] = new("QC1008", E, "circuit a() { qubit[2] q; for int i in [0:1] { readout probs q; } }", 1, 48, "a readout must be at the top level"),
        ["QC1008 encode after gate"] = new("QC1008", E, "circuit a() { qubit[2] q; h q; encode amplitude(x[2]) q; }", 1, 32, "'encode' must appear once, at the top level, before the first gate"),
        ["QC1008 encode twice"] = new("QC1008", E, "circuit a() { qubit[2] q; encode amplitude(x[2]) q; encode amplitude(y[2]) q; }", 1, 53, "'encode' must appear once"),
        ["QC1008 encode in loop"] = new("QC1008", E, "circuit a() { qubit[2] q; for int i in [0:1] encode amplitude(x[2]) q; }", 1, 46, "'encode' must appear once"),
        ["QC1009"] = new("QC1009", E, "circuit a() { }", 1, 9, "circuit 'a' declares no qubit register"),
        ["QC1010 array as register"] = new("QC1010", E, "circuit a() { qubit[2] q; param t[2]; rx(t[0]) q[1]; h t; }", 1, 56, "'t' is a parameter array; expected a qubit register"),
        ["QC1010 register as number"] = new("QC1010", E, "circuit a() { qubit[2] q; rx(q) q[0]; }", 1, 30, "'q' is a qubit register; expected a number"),
        ["QC1010 argument indexed"] = new("QC1010", E, "circuit a(int n = 2) { qubit[n] q; rx(n[0]) q[0]; }", 1, 39, "'n' is an integer argument; expected a parameter array"),

        // Shapes and types
        ["QC2001 gate angles"] = new("QC2001", E, "circuit a() { qubit[2] q; cx(0.5) q[0], q[1]; }", 1, 27, "'cx' takes 0 argument(s) but 1 were given"),
        ["QC2001 rotation without angle"] = new("QC2001", E, "circuit a() { qubit[2] q; rx q[0]; }", 1, 27, "'rx' takes 1 argument(s) but 0 were given"),
        ["QC2001 call"] = new("QC2001", E, "circuit a() { qubit[1] q; b(1, 2, 3) q; }\ncircuit b(int n, int m = 1) { qubit[n] q; h q; }", 1, 27, "'b' takes 1 to 2 argument(s) but 3 were given"),
        ["QC2001 builtin"] = new("QC2001", E, "circuit a() { qubit[1] q; h q[min(1)]; }", 1, 31, "'min' takes 2 argument(s) but 1 were given"),
        ["QC2001 expval without axes"] = new("QC2001", E, "circuit a() { qubit[1] q; h q; readout expval each q; }", 1, 40, "'expval' takes 1 to 3 argument(s) but 0 were given"),
        ["QC2001 probs with axes"] = new("QC2001", E, "circuit a() { qubit[1] q; h q; readout probs(z) q; }", 1, 40, "'probs' takes 0 argument(s) but 1 were given"),
        ["QC2002 gate"] = new("QC2002", E, "circuit a() { qubit[2] q; cx q[0]; }", 1, 27, "'cx' acts on 2 qubit(s) but 1 were given"),
        ["QC2002 ctrl adds a qubit"] = new("QC2002", E, "circuit a() { qubit[3] q; ctrl @ cx q[0], q[1]; }", 1, 34, "'cx' acts on 3 qubit(s) but 2 were given"),
        ["QC2002 call"] = new("QC2002", E, "circuit a() { qubit[4] q; b() q; }\ncircuit b() { qubit[3] q; h q; }", 1, 27, "'b' acts on 3 qubit(s) but 4 were given"),
        ["QC2003 real index"] = new("QC2003", E, "circuit a() { qubit[2] q; h q[0.5]; }", 1, 31, "a real value is used where an integer is required (qubit index)"),
        ["QC2003 real let as index"] = new("QC2003", E, "circuit a() { qubit[1] q; let x = 0.5; h q[x]; }", 1, 44, "(qubit index)"),
        ["QC2003 parameter as index"] = new("QC2003", E, "circuit a() { qubit[2] q; param t[2]; rx(t[1]) q[0]; h q[t[0]]; }", 1, 58, "(qubit index)"),
        ["QC2003 register size"] = new("QC2003", E, "circuit a() { qubit[pi] q; h q; }", 1, 21, "(size of qubit register 'q')"),
        ["QC2003 default"] = new("QC2003", E, "circuit a(int n = 2.5) { qubit[2] q; h q; }", 1, 19, "(default value of argument 'n')"),
        ["QC2003 loop bound"] = new("QC2003", E, "circuit a() { qubit[2] q; for int i in [0 : 1.5] h q[i]; }", 1, 45, "(loop end)"),
        ["QC2004"] = new("QC2004", E, "circuit a(int n = 4) { qubit[n] q; h q[n]; }", 1, 40, "qubit index 4 is out of range for register 'q' of size 4"),
        ["QC2004 negative"] = new("QC2004", E, "circuit a() { qubit[3] q; h q[-1]; }", 1, 31, "qubit index -1 is out of range for register 'q' of size 3"),
        ["QC2004 slice end"] = new("QC2004", E, "circuit a() { qubit[3] q; h q[1:5]; }", 1, 33, "qubit index 5 is out of range for register 'q' of size 3"),
        ["QC2005 static"] = new("QC2005", E, "circuit a() { qubit[2] q; cx q[1], q[1]; }", 1, 36, "the same qubit q[1] appears twice in one gate"),
        ["QC2005 after evaluation"] = new("QC2005", E, "circuit a(int n = 2) { qubit[n] q; cx q[n - 1], q[1]; }", 1, 49, "appears twice in one gate"),
        ["QC2006"] = new("QC2006", E, "circuit a() { qubit[2] q; param t[2]; rx(t[0]) q[1]; rx(t[2]) q[0]; }", 1, 59, "index 2 is out of range for dimension 0 of parameter array 't' (size 2)"),
        ["QC2006 second dimension"] = new("QC2006", E, "circuit a() { qubit[1] q; param t[2][3]; rx(t[1][3]) q; }", 1, 50, "index 3 is out of range for dimension 1 of parameter array 't' (size 3)"),
        ["QC2007 product"] = new("QC2007", E, "circuit a() { qubit[2] q; param t[2]; rx(t[0]*t[1]) q[0]; }", 1, 42, "a product of two parameter-dependent values"),
        ["QC2007 division"] = new("QC2007", E, "circuit a() { qubit[2] q; param t[2]; rx(1/t[1]) q[0]; }", 1, 42, "a division by a parameter-dependent value"),
        ["QC2007 modulo"] = new("QC2007", E, "circuit a() { qubit[2] q; param t[2]; rx(t[0]%2) q[0]; }", 1, 42, "'%' of a parameter-dependent value"),
        ["QC2007 power"] = new("QC2007", E, "circuit a() { qubit[2] q; param t[2]; rx(t[0]^2) q[0]; }", 1, 42, "a power of a parameter-dependent value"),
        ["QC2007 via real let"] = new("QC2007", E, "circuit a() { qubit[2] q; param t[2]; let u = t[0] + 1; rx(u * t[1]) q[0]; }", 1, 60, "a product of two parameter-dependent values"),
        ["QC2008 too few"] = new("QC2008", E, "circuit a() { qubit[2] q; param t[2][2]; rx(t[0]) q[0]; }", 1, 45, "'t' needs 2 index(es) but 1 were given"),
        ["QC2008 none"] = new("QC2008", E, "circuit a() { qubit[2] q; param t[2]; rx(t) q[0]; }", 1, 42, "'t' needs 1 index(es) but 0 were given"),
        ["QC2008 slice too deep"] = new("QC2008", E, "circuit a() { qubit[1] q; param t[1][1]; b() q with w = t[0][0][0]; }\ncircuit b() { qubit[1] q; param w[1]; rx(w[0]) q; }", 1, 57, "'t' needs at most 2 index(es) but 3 were given"),
        ["QC2009 register"] = new("QC2009", E, "circuit a() { qubit[0] q; h q; }", 1, 15, "the size of qubit register 'q' must be at least 1, but is 0"),
        ["QC2009 array"] = new("QC2009", E, "circuit a() { qubit[2] q; param t[0]; rx(t[0]) q[0]; }", 1, 35, "dimension 0 of parameter array 't' must be at least 1, but is 0"),
        ["QC2009 input"] = new("QC2009", E, "circuit a() { qubit[2] q; encode amplitude(x[0]) q; h q; }", 1, 27, "the length of input 'x' must be at least 1, but is 0"),
        ["QC2010 division"] = new("QC2010", E, "circuit a() { qubit[2] q; h q[1 / 0]; }", 1, 31, "integer division or modulo by zero"),
        ["QC2010 modulo of argument"] = new("QC2010", E, "circuit a(int n = 0) { qubit[2] q; h q[1 % n]; }", 1, 40, "integer division or modulo by zero"),
        ["QC2011"] = new("QC2011", E, "circuit a() { qubit[1] q; encode amplitude(x[3]) q; readout probs q; }", 1, 27, "amplitude input 'x' has length 3, more than the 2 amplitudes of the register"),
        ["QC2012 size mismatch"] = new("QC2012", E, "circuit a() { qubit[2] q; param t[4]; b() q with w = t; }" + Callee3, 2, 27, "parameter 'w' of 'b' has 3 elements but the call binds a slice of 4"),
        ["QC2012 unknown array"] = new("QC2012", E, "circuit a() { qubit[2] q; param t[3]; b() q with w = t, v = t; }" + Callee3, 1, 57, "circuit 'b' has no parameter array 'v'"),
        ["QC2012 not bound"] = new("QC2012", E, "circuit a() { qubit[2] q; b() q; }" + Callee3, 1, 27, "parameter 'w' of 'b' is not bound"),
        ["QC2012 bound twice"] = new("QC2012", E, "circuit a() { qubit[2] q; param t[3]; b() q with w = t, w = t; }" + Callee3, 1, 57, "parameter 'w' of 'b' is bound twice"),
        ["QC2012 not an array"] = new("QC2012", E, "circuit a() { qubit[2] q; param t[3]; rx(t[0]) q[0]; b() q with w = 3; }" + Callee3, 1, 69, "a parameter binding needs a parameter array of this circuit"),
        ["QC2012 with on a gate"] = new("QC2012", E, "circuit a() { qubit[2] q; param t[1]; rx(t[0]) q[0] with w = t; }", 1, 58, "'with' binds parameters of a called circuit; the gate 'rx' takes none"),
        ["QC2013 register in two-qubit gate"] = new("QC2013", E, "circuit a() { qubit[2] q; cx q, q[1]; }", 1, 30, "'q' without an index is a whole register"),
        ["QC2013 ctrl count"] = new("QC2013", E, "circuit a() { qubit[2] q; ctrl(0) @ x q[0], q[1]; }", 1, 27, "the control count of 'ctrl(...) @' must be a positive integer literal"),
        ["QC2013 modifier on call"] = new("QC2013", E, "circuit a() { qubit[1] q; inv @ b() q; }\ncircuit b() { qubit[1] q; h q; }", 1, 27, "modifiers ('ctrl @', 'inv @') apply to gates, not to circuit calls"),
        ["QC2013 call of encoding circuit"] = new("QC2013", E, "circuit a() { qubit[1] q; b() q; }\ncircuit b() { qubit[1] q; encode amplitude(x[2]) q; h q; }", 1, 27, "circuit 'b' encodes an input"),
        ["QC2013 encode on a qubit"] = new("QC2013", E, "circuit a() { qubit[2] q; encode amplitude(x[2]) q[0]; h q; }", 1, 50, "amplitude encoding takes whole registers"),
        ["QC2013 encode misses a register"] = new("QC2013", E, "circuit a() { qubit[2] q; qubit[1] r; encode amplitude(x[2]) q; h q; }", 1, 39, "amplitude encoding must cover all qubit registers"),
        ["QC2013 pauli with operands"] = new("QC2013", E, "circuit a() { qubit[1] q; h q; readout pauli(z q[0]) q; }", 1, 32, "a Pauli string is written as"),
        ["QC2013 pauli factor on a register"] = new("QC2013", E, "circuit a() { qubit[2] q; h q; readout pauli(z q); }", 1, 46, "each Pauli factor acts on one qubit"),
        ["QC2013 state with operands"] = new("QC2013", E, "circuit a() { qubit[1] q; h q; readout state q; }", 1, 32, "'readout state;' takes no arguments"),
        ["QC2013 indexed non-name"] = new("QC2013", E, "circuit a() { qubit[1] q; rx((1)[0]) q; }", 1, 30, "only parameter arrays can be indexed"),
        ["QC2014 expval"] = new("QC2014", E, "circuit a() { qubit[2] q; h q; readout expval(w) each q; }", 1, 47, "'w' is not a Pauli axis; expected one of x, y, z"),
        ["QC2014 pauli"] = new("QC2014", E, "circuit a() { qubit[2] q; h q; readout pauli(w q[0]); }", 1, 46, "'w' is not a Pauli axis; expected one of x, y, z, i"),
        ["QC2014 expval with qubit"] = new("QC2014", E, "circuit a() { qubit[1] q; h q; readout expval(z q) each q; }", 1, 47, "'z q' is not a Pauli axis"),
        ["QC2015 zero step literal"] = new("QC2015", E, "circuit a() { qubit[2] q; for int i in [0:0:1] h q[i]; }", 1, 43, "a loop step of 0 never ends"),
        ["QC2015 zero step argument"] = new("QC2015", E, "circuit a(int s = 0) { qubit[2] q; for int i in [0:s:1] h q[i]; }", 1, 52, "a loop step of 0 never ends"),
        ["QC2015 range in angle"] = new("QC2015", E, "circuit a() { qubit[2] q; param t[2]; rx(t[0:1]) q[0]; }", 1, 43, "a gate angle needs exactly one parameter element"),
        ["QC2015 range not last in slice"] = new("QC2015", E, "circuit a() { qubit[1] q; param t[2][2]; b() q with w = t[0:1][0]; }\ncircuit b() { qubit[1] q; param w[2]; rx(w[0]) q; rx(w[1]) q; }", 1, 58, "a range in a parameter slice must be the last index"),
        ["QC2015 overflow"] = new("QC2015", E, "circuit a() { qubit[2] q; h q[2^70]; }", 1, 31, "integer overflow or negative exponent"),
        ["QC2015 too many qubits"] = new("QC2015", E, "circuit a(int n = 31) { qubit[n] q; h q; }", 1, 25, "at most 30 are supported"),

        // Notices
        ["QC9001 whole array"] = new("QC9001", W, "circuit a() { qubit[2] q; param t[2]; h q; }", 1, 27, "parameter 't' is never used by a gate"),
        ["QC9001 elements"] = new("QC9001", W, "circuit a() { qubit[2] q; param t[3]; rx(t[0]) q[0]; rx(t[2]) q[1]; }", 1, 27, "parameter 't' is never used by a gate at elements t[1] (with the default arguments)"),
        ["QC9002"] = new("QC9002", W, "layer foo(int n = 2) { circuit sim14(n); weights w; readout probs; }\ncircuit a() { qubit[1] q; h q; }", 1, 7, "is parsed but not compiled"),
        ["QC1011"] = new("QC1011", E, "circuit c() { qubit[1] q; param t[1]; rx(t[0]) q; }\nlayer r(int n = 2) { memory c(); drive t from controller(4, gelu); inputs n; dropout n; }", 2, 78, "unknown layer clause 'dropout'"),
        ["QC1012"] = new("QC1012", E, "circuit c() { qubit[1] q; param t[1]; rx(t[0]) q; }\nlayer r(int n = 2) { memory c(); inputs n; }", 2, 7, "layer 'r' needs a 'drive' clause"),
        ["QC1013"] = new("QC1013", E, "circuit c() { qubit[1] q; param t[1]; rx(t[0]) q; }\nlayer r(int n = 2) { memory c(); drive t from controller(4, swish); inputs n; }", 2, 61, "unknown controller activation 'swish'"),
        ["QC2018"] = new("QC2018", E, "circuit c() { qubit[1] q; param t[1]; rx(t[0]) q; }\nlayer r(int n = 2 * 3) { memory c(); drive t from controller(4, gelu); inputs n; }", 2, 17, "must be an integer literal"),
        // Documented in docs/language.md ("otherwise shapes and indices are checked when the generated class is
        // constructed (notice QC9003)"); reported at the circuit name.
        // specialize: instantiations that get straight-line kernels (docs/language.md).
        ["QC1014"] = new("QC1014", E, "specialize foo(4);\n" + Ring, 1, 12, "'specialize' names 'foo', which is not a circuit of the project; expected one of: c"),
        ["QC1015 twice"] = new("QC1015", E, "specialize c(5), c(n = 5);\n" + Ring, 1, 18, "c(n = 5) is already specialized (test.qc(1,12))"),
        ["QC1015 default"] = new("QC1015", E, "specialize c(4);\n" + Ring, 1, 12, "its default arguments always get a kernel"),
        ["QC2001 specialize"] = new("QC2001", E, "specialize c(4, 5);\n" + Ring, 1, 12, "'c' takes 1 argument(s) but 2 were given"),
        ["QC2016 specialize"] = new("QC2016", E, "specialize c(m = 5);\n" + Ring, 1, 14, "circuit 'c' has no argument named 'm'; its arguments are: n"),
        ["QC2017 specialize"] = new("QC2017", E, "specialize d();\ncircuit d(int n) { qubit[n] q; h q; }", 1, 12, "circuit 'd' needs a value for argument 'n'"),
        ["QC2012 specialize positional after named"] = new("QC2012", E, "specialize c(n = 5, 6);\n" + Ring, 1, 21, "a positional argument follows a named one in 'specialize c(...)'"),
        ["QC2019"] = new("QC2019", E, "specialize c(2 + 3);\n" + Ring, 1, 14, "argument 'n' of 'specialize c' must be an integer literal"),
        ["QC2020"] = new("QC2020", E, "specialize c(5, n = 6);\n" + Ring, 1, 17, "argument 'n' of 'c' is given twice"),
        ["QC3004"] = new("QC3004", E, "specialize c(0);\n" + Ring, 1, 12, "'specialize c(n = 0)' cannot be instantiated: test.qc(3,"),
        ["QC9004 too few qubits"] = new("QC9004", I, "specialize c(3);\n" + Ring, 1, 12, "c(n = 3) gets no straight-line kernel: it has 3 qubit(s)"),
        ["QC9004 two-target gate"] = new("QC9004", I, "circuit w(int n = 4) { qubit[n] q; param t[1]; rzz(t[0]) q[0], q[1]; }", 1, 9, "gate 'rzz' (line 1) acts on two targets"),
        ["QC9003"] = new("QC9003", I, "circuit a(int n) { qubit[n] q; h q; }", 1, 9, "checked when the generated class is constructed"),
    };

    /// <summary>Diagnostics that no .qc source can trigger through <see cref="QcCompilation"/>; covered by descriptor tests below.</summary>
    public static readonly IReadOnlySet<string> NotReachableFromSource = new HashSet<string> { "QC3001", "QC3002", "QC3003" };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Diagnostic_is_reported_with_id_severity_location_and_message(string name)
    {
        var c = Cases[name];
        var compilation = FrontEnd.Compile(c.Source);
        var all = compilation.Diagnostics;
        var matching = all.Where(d => d.Id == c.Id).ToList();
        Assert.True(matching.Count > 0, $"expected {c.Id}; got:\n{FrontEnd.Dump(all)}");
        var d = matching.FirstOrDefault(x => x.Span.Line == c.Line && (c.Column is null || x.Span.Column == c.Column)) ?? matching[0];
        Assert.Equal(c.Severity, d.Severity);
        Assert.Equal(c.Line, d.Span.Line);
        if (c.Column is int column)
        {
            Assert.Equal(column, d.Span.Column);
        }

        Assert.Contains(c.Phrase, d.Message);
        Assert.Equal(FrontEnd.File, d.FilePath);
        Assert.StartsWith($"{FrontEnd.File}({d.Span.Line},{d.Span.Column}): {c.Severity.ToString().ToLowerInvariant()} {c.Id}: ", d.ToString());
        Assert.Equal(all.Any(x => x.IsError), compilation.HasErrors);
    }

    [Fact]
    public void Every_catalog_id_has_a_case()
    {
        var covered = Cases.Values.Select(c => c.Id).Concat(NotReachableFromSource).ToHashSet();
        var missing = DiagnosticCatalog.All.Select(d => d.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no test case for: " + string.Join(", ", missing));
        // And every case names a real catalog entry with the catalog's severity.
        foreach (var c in Cases.Values)
        {
            var descriptor = Assert.Single(DiagnosticCatalog.All, d => d.Id == c.Id);
            Assert.Equal(descriptor.Severity, c.Severity);
        }
    }

    [Fact]
    public void Catalog_ids_are_unique_well_formed_and_banded_by_severity()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.Matches("^QC[0-9]{4}$", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            // QC0xxx-QC3xxx are errors; QC9xxx are notices (warnings or infos).
            Assert.Equal(!d.Id.StartsWith("QC9"), d.Severity == DiagnosticSeverity.Error);
        });
    }

    [Fact]
    public void QC3001_lowering_failed_formats_its_message()
    {
        // Not reported by QcCompilation: lowering errors of default instances are reported with their own IDs
        // (QC2004, QC2006, ...). The descriptor is still part of the public catalog.
        var d = DiagnosticCatalog.LoweringFailed.Create("x.qc", new SourceSpan(10, 3, 2, 5, 2, 8), "sim14", "qubit index 9 is out of range");
        Assert.Equal("QC3001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("circuit 'sim14' cannot be instantiated with its default arguments: qubit index 9 is out of range", d.Message);
        Assert.Equal("x.qc(2,5): error QC3001: circuit 'sim14' cannot be instantiated with its default arguments: qubit index 9 is out of range", d.ToString());
    }

    [Fact]
    public void QC3002_internal_error_formats_its_message()
    {
        // Reported only by the source generator when the compiler throws; no source triggers it.
        var d = DiagnosticCatalog.InternalError.Create("x.qc", SourceSpan.None, "InvalidOperationException: boom");
        Assert.Equal("QC3002", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("x.qc(1,1): error QC3002: internal error in the QCircuitDsl compiler: InvalidOperationException: boom", d.ToString());
    }

    [Fact]
    public void Warnings_alone_do_not_make_a_compilation_fail()
    {
        var compilation = FrontEnd.Compile(Cases["QC9001 whole array"].Source);
        Assert.NotEmpty(compilation.Diagnostics);
        Assert.False(compilation.HasErrors);
        Assert.All(compilation.Diagnostics, d => Assert.False(d.IsError));
    }
}
