namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>How a symbol is described to a user in a message ("a qubit register").</summary>
    internal static class SymbolDescriptions
    {
        public static string Describe(Symbol symbol) => symbol switch
        {
            QubitRegisterSymbol _ => "a qubit register",
            ParamArraySymbol _ => "a parameter array",
            AmplitudeInputSymbol _ => "an amplitude-encoded input",
            CircuitSymbol _ => "a circuit",
            IntParameterSymbol _ => "an integer argument",
            LoopVariableSymbol _ => "a loop variable",
            LetSymbol _ => "a let binding",
            _ => "a constant",
        };
    }
}
