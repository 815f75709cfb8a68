using System.Numerics;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Tests.Reference;

/// <summary>
/// The unitary the reference interpreter implements, read off column by column: column j is the final
/// state when the amplitude input is the basis vector e_j (the circuit is given a full-length input).
/// </summary>
public static class InterpreterUnitary
{
    public static Complex[,] Of(IrCircuit c, IReadOnlyList<double> parameters)
    {
        int dim = 1 << c.QubitCount;
        var withInput = new IrCircuit(c.Name, c.Arguments, c.QubitCount, c.ParameterArrays, new IrAmplitudeInput("basis", dim), c.Gates, c.Readouts);
        var u = new Complex[dim, dim];
        for (int j = 0; j < dim; j++)
        {
            var e = new double[dim];
            e[j] = 1;
            var col = ReferenceInterpreter.Run(withInput, parameters, e);
            for (int i = 0; i < dim; i++)
            {
                u[i, j] = col[i];
            }
        }

        return u;
    }
}
