using System.Collections.Generic;

namespace QCircuitDsl.Compiler.Diagnostics
{
    /// <summary>
    /// Every diagnostic the compiler can report, banded by phase: QC0xxx syntax, QC1xxx binding
    /// (names and structure), QC2xxx shapes and types, QC3xxx lowering and emit, QC9xxx notices.
    /// IDs are stable: tools and suppressions depend on them, so never renumber.
    /// </summary>
    public static class DiagnosticCatalog
    {
        private static DiagnosticDescriptor Error(string id, string title, string format) =>
            new DiagnosticDescriptor(id, DiagnosticSeverity.Error, title, format);

        /// <summary>QC0001: {0} = what was found, {1} = what was expected.</summary>
        public static readonly DiagnosticDescriptor SyntaxError = Error("QC0001", "Syntax error", "{0}");

        /// <summary>QC0002: {0} = the character.</summary>
        public static readonly DiagnosticDescriptor UnexpectedCharacter = Error("QC0002", "Unexpected character", "unexpected character '{0}'");

        /// <summary>QC1001: {0} = name.</summary>
        public static readonly DiagnosticDescriptor UnknownGateOrCircuit = Error("QC1001", "Unknown gate or circuit", "unknown gate or circuit '{0}'; expected a standard gate (e.g. rx, cx, rot) or a circuit declared in the project");

        /// <summary>QC1002: {0} = name.</summary>
        public static readonly DiagnosticDescriptor UnknownIdentifier = Error("QC1002", "Unknown identifier", "unknown identifier '{0}'");

        /// <summary>QC1003: {0} = kind, {1} = name.</summary>
        public static readonly DiagnosticDescriptor DuplicateDeclaration = Error("QC1003", "Duplicate declaration", "{0} '{1}' is already declared in this scope");

        /// <summary>QC1004: {0} = call chain.</summary>
        public static readonly DiagnosticDescriptor RecursiveCall = Error("QC1004", "Recursive call", "recursive circuit call: {0}; circuits must not call themselves directly or indirectly");

        /// <summary>QC1005: {0} = readout name.</summary>
        public static readonly DiagnosticDescriptor UnknownReadout = Error("QC1005", "Unknown readout", "unknown readout '{0}'; expected expval, pauli, probs or state");

        /// <summary>QC1006: {0} = encoding name.</summary>
        public static readonly DiagnosticDescriptor UnknownEncoding = Error("QC1006", "Unknown encoding", "unknown encoding '{0}'; expected amplitude");

        /// <summary>QC1007: {0} = function name.</summary>
        public static readonly DiagnosticDescriptor UnknownFunction = Error("QC1007", "Unknown function", "unknown function '{0}'; expected ceil_log2, min or max");

        /// <summary>QC1008: {0} = statement, {1} = rule.</summary>
        public static readonly DiagnosticDescriptor MisplacedStatement = Error("QC1008", "Misplaced statement", "{0} {1}");

        /// <summary>QC1009: {0} = circuit.</summary>
        public static readonly DiagnosticDescriptor NoQubits = Error("QC1009", "Circuit without qubits", "circuit '{0}' declares no qubit register; expected a declaration such as 'qubit[n] q;'");

        /// <summary>QC1010: {0} = name, {1} = what it is, {2} = what was expected.</summary>
        public static readonly DiagnosticDescriptor WrongKindOfSymbol = Error("QC1010", "Wrong kind of name", "'{0}' is {1}; expected {2}");

        /// <summary>QC1011: {0} = keyword.</summary>
        public static readonly DiagnosticDescriptor UnknownLayerClause = Error("QC1011", "Unknown layer clause", "unknown layer clause '{0}'; expected memory, drive or inputs (a recurrent cell), or circuit, encode, weights, readout, linear (a projection)");

        /// <summary>QC1012: {0} = layer, {1} = clause, {2} = example.</summary>
        public static readonly DiagnosticDescriptor MissingLayerClause = Error("QC1012", "Missing layer clause", "layer '{0}' needs a '{1}' clause, e.g. '{2}'");

        /// <summary>QC1013: {0} = activation.</summary>
        public static readonly DiagnosticDescriptor UnknownActivation = Error("QC1013", "Unknown activation", "unknown controller activation '{0}'; expected relu, leaky_relu, gelu, glu or linear");

        /// <summary>QC1014: {0} = name, {1} = declared circuits.</summary>
        public static readonly DiagnosticDescriptor UnknownSpecializedCircuit = Error("QC1014", "Unknown circuit in specialize", "'specialize' names '{0}', which is not a circuit of the project; expected one of: {1}");

        /// <summary>QC1015: {0} = instantiation, {1} = where it was first specialized.</summary>
        public static readonly DiagnosticDescriptor DuplicateSpecialization = Error("QC1015", "Duplicate specialization", "{0} is already specialized ({1}); expected each instantiation once");

        /// <summary>QC2001: {0} = gate/circuit/function, {1} = expected, {2} = actual.</summary>
        public static readonly DiagnosticDescriptor WrongArgumentCount = Error("QC2001", "Wrong number of arguments", "'{0}' takes {1} argument(s) but {2} were given");

        /// <summary>QC2002: {0} = gate, {1} = expected, {2} = actual.</summary>
        public static readonly DiagnosticDescriptor WrongQubitCount = Error("QC2002", "Wrong number of qubits", "'{0}' acts on {1} qubit(s) but {2} were given");

        /// <summary>QC2003: {0} = context.</summary>
        public static readonly DiagnosticDescriptor RealWhereIntegerRequired = Error("QC2003", "Real value where an integer is required", "a real value is used where an integer is required ({0})");

        /// <summary>QC2004: {0} = index, {1} = register, {2} = size.</summary>
        public static readonly DiagnosticDescriptor QubitIndexOutOfRange = Error("QC2004", "Qubit index out of range", "qubit index {0} is out of range for register '{1}' of size {2}");

        /// <summary>QC2005: {0} = qubit.</summary>
        public static readonly DiagnosticDescriptor DuplicateQubit = Error("QC2005", "Same qubit twice", "the same qubit {0} appears twice in one gate");

        /// <summary>QC2006: {0} = index, {1} = array, {2} = dimension, {3} = size.</summary>
        public static readonly DiagnosticDescriptor ParameterIndexOutOfRange = Error("QC2006", "Parameter index out of range", "index {0} is out of range for dimension {2} of parameter array '{1}' (size {3})");

        /// <summary>QC2007: {0} = why.</summary>
        public static readonly DiagnosticDescriptor NonAffineParameterExpression = Error("QC2007", "Angle not affine in the parameters", "gate angles must be affine in the parameters (sums of constants times parameters): {0}");

        /// <summary>QC2008: {0} = array, {1} = expected, {2} = actual.</summary>
        public static readonly DiagnosticDescriptor WrongIndexCount = Error("QC2008", "Wrong number of indices", "'{0}' needs {1} index(es) but {2} were given");

        /// <summary>QC2009: {0} = what, {1} = value.</summary>
        public static readonly DiagnosticDescriptor NonPositiveSize = Error("QC2009", "Size must be positive", "{0} must be at least 1, but is {1}");

        /// <summary>QC2010: no arguments.</summary>
        public static readonly DiagnosticDescriptor DivisionByZero = Error("QC2010", "Division by zero", "integer division or modulo by zero");

        /// <summary>QC2011: {0} = input, {1} = length, {2} = amplitudes.</summary>
        public static readonly DiagnosticDescriptor AmplitudeInputTooLong = Error("QC2011", "Amplitude input too long", "amplitude input '{0}' has length {1}, more than the {2} amplitudes of the register");

        /// <summary>QC2012: {0} = details.</summary>
        public static readonly DiagnosticDescriptor ParameterBindingMismatch = Error("QC2012", "Parameter binding mismatch", "{0}");

        /// <summary>QC2013: {0} = details.</summary>
        public static readonly DiagnosticDescriptor InvalidOperand = Error("QC2013", "Invalid operand", "{0}");

        /// <summary>QC2014: {0} = axis, {1} = allowed.</summary>
        public static readonly DiagnosticDescriptor InvalidAxis = Error("QC2014", "Invalid Pauli axis", "'{0}' is not a Pauli axis; expected one of {1}");

        /// <summary>QC2015: {0} = range text.</summary>
        public static readonly DiagnosticDescriptor InvalidRange = Error("QC2015", "Invalid range", "{0}");

        /// <summary>QC2016: {0} = circuit, {1} = argument, {2} = the circuit's arguments. Only from lowering at given arguments (CLI, API).</summary>
        public static readonly DiagnosticDescriptor UnknownArgument = Error("QC2016", "Unknown argument", "circuit '{0}' has no argument named '{1}'; its arguments are: {2}");

        /// <summary>QC2017: {0} = circuit, {1} = argument. Only from lowering at given arguments (CLI, API).</summary>
        public static readonly DiagnosticDescriptor MissingArgument = Error("QC2017", "Missing argument", "circuit '{0}' needs a value for argument '{1}', which has no default");

        /// <summary>QC2018: {0} = argument.</summary>
        public static readonly DiagnosticDescriptor LayerDefaultNotLiteral = Error("QC2018", "Layer default not a literal", "the default of layer argument '{0}' must be an integer literal, because it becomes a C# default value");

        /// <summary>QC2019: {0} = argument, {1} = circuit.</summary>
        public static readonly DiagnosticDescriptor SpecializeArgumentNotLiteral = Error("QC2019", "Specialize argument not a literal", "argument '{0}' of 'specialize {1}' must be an integer literal, because the generated class compares it with its constructor arguments");

        /// <summary>QC2020: {0} = argument, {1} = circuit.</summary>
        public static readonly DiagnosticDescriptor ArgumentGivenTwice = Error("QC2020", "Argument given twice", "argument '{0}' of '{1}' is given twice; expected each argument once, by position or by name");

        /// <summary>QC3001: {0} = circuit, {1} = message.</summary>
        public static readonly DiagnosticDescriptor LoweringFailed = Error("QC3001", "Circuit cannot be instantiated", "circuit '{0}' cannot be instantiated with its default arguments: {1}");

        /// <summary>QC3002: {0} = exception text. Reported by the generator instead of throwing.</summary>
        public static readonly DiagnosticDescriptor InternalError = Error("QC3002", "Internal compiler error", "internal error in the QCircuitDsl compiler: {0}");

        /// <summary>QC3003: {0} = layer. Reported by the generator when the project cannot compile layer classes.</summary>
        public static readonly DiagnosticDescriptor LayersNeedModels = Error("QC3003", "Layer needs QCircuitDsl.Models", "layer '{0}' compiles to a module of QCircuitDsl.Models (QrnnCell); reference that project or package");

        /// <summary>QC3004: {0} = instantiation, {1} = the lowering error.</summary>
        public static readonly DiagnosticDescriptor SpecializationFailed = Error("QC3004", "Specialization cannot be instantiated", "'specialize {0}' cannot be instantiated: {1}");

        /// <summary>QC9001: {0} = array, {1} = unused elements.</summary>
        public static readonly DiagnosticDescriptor UnusedParameter = new DiagnosticDescriptor("QC9001", DiagnosticSeverity.Warning, "Unused parameter", "parameter '{0}' is never used by a gate{1}");

        /// <summary>QC9002: {0} = layer.</summary>
        public static readonly DiagnosticDescriptor LayerNotCompiled = new DiagnosticDescriptor("QC9002", DiagnosticSeverity.Warning, "Layer not compiled yet", "layer '{0}' is a projection layer (circuit, encode, weights, readout, linear), which is parsed but not compiled yet; no class is generated for it");

        /// <summary>QC9003: {0} = circuit, {1} = reason.</summary>
        public static readonly DiagnosticDescriptor InstantiationDeferred = new DiagnosticDescriptor("QC9003", DiagnosticSeverity.Info, "Checked at construction", "circuit '{0}' has arguments without defaults, so qubit and parameter indices are checked when the generated class is constructed{1}");

        /// <summary>QC9004: {0} = instantiation, {1} = reason.</summary>
        public static readonly DiagnosticDescriptor KernelNotEmitted = new DiagnosticDescriptor("QC9004", DiagnosticSeverity.Info, "No straight-line kernel", "{0} gets no straight-line kernel: {1}; it runs on the engine's compiled plan instead");

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
        {
            SyntaxError, UnexpectedCharacter,
            UnknownGateOrCircuit, UnknownIdentifier, DuplicateDeclaration, RecursiveCall, UnknownReadout, UnknownEncoding,
            UnknownFunction, MisplacedStatement, NoQubits, WrongKindOfSymbol, UnknownLayerClause, MissingLayerClause, UnknownActivation,
            UnknownSpecializedCircuit, DuplicateSpecialization,
            WrongArgumentCount, WrongQubitCount, RealWhereIntegerRequired, QubitIndexOutOfRange, DuplicateQubit,
            ParameterIndexOutOfRange, NonAffineParameterExpression, WrongIndexCount, NonPositiveSize, DivisionByZero,
            AmplitudeInputTooLong, ParameterBindingMismatch, InvalidOperand, InvalidAxis, InvalidRange, UnknownArgument, MissingArgument, LayerDefaultNotLiteral,
            SpecializeArgumentNotLiteral, ArgumentGivenTwice,
            LoweringFailed, InternalError, LayersNeedModels, SpecializationFailed,
            UnusedParameter, LayerNotCompiled, InstantiationDeferred, KernelNotEmitted,
        };
    }
}
