using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Tooling.Drawing;

/// <summary>
/// Gates of a circuit placed in time-aligned columns: each goes into the first column after every
/// earlier operation on the wires it spans (its qubits and, for a multi-qubit gate, the wires its
/// vertical line crosses). Gates are taken in program order, so the drawing never reorders two gates
/// that share a wire, and the result is deterministic. The amplitude encoding, when there is one,
/// takes column 0 on every wire.
/// </summary>
public sealed class CircuitLayout
{
    private CircuitLayout(IrCircuit circuit, IReadOnlyList<DiagramOperation> operations, int columnCount, bool hasInputColumn)
    {
        Circuit = circuit;
        Operations = operations;
        ColumnCount = columnCount;
        HasInputColumn = hasInputColumn;
        Columns = Enumerable.Range(0, columnCount).Select(c => (IReadOnlyList<DiagramOperation>)operations.Where(o => o.Column == c).ToArray()).ToArray();
    }

    public IrCircuit Circuit { get; }
    public int QubitCount => Circuit.QubitCount;
    public IReadOnlyList<DiagramOperation> Operations { get; }
    /// <summary>The operations of each column, in program order.</summary>
    public IReadOnlyList<IReadOnlyList<DiagramOperation>> Columns { get; }
    public int ColumnCount { get; }
    public bool HasInputColumn { get; }

    /// <summary>Columns holding gates: the circuit's depth as drawn (a vertical line blocks the wires it crosses).</summary>
    public int Depth => ColumnCount - (HasInputColumn ? 1 : 0);

    public string WireName(int qubit) => "q" + qubit;

    public static CircuitLayout Build(IrCircuit circuit)
    {
        var operations = new List<DiagramOperation>();
        var nextFree = new int[circuit.QubitCount];
        int columns = 0;
        if (circuit.Input is { } input)
        {
            var label = $"AMP({input.Name})";
            operations.Add(new DiagramOperation(Enumerable.Range(0, circuit.QubitCount).Select(q => new DiagramCell(q, CellMark.Box, label)).ToArray(), 0, null));
            Array.Fill(nextFree, 1);
            columns = 1;
        }

        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            var cells = GateLabels.Cells(circuit.Gates[i], circuit.ParameterName);
            int top = cells.Min(c => c.Qubit), bottom = cells.Max(c => c.Qubit);
            int column = 0;
            for (int q = top; q <= bottom; q++)
            {
                column = Math.Max(column, nextFree[q]);
            }

            for (int q = top; q <= bottom; q++)
            {
                nextFree[q] = column + 1;
            }

            operations.Add(new DiagramOperation(cells, column, i));
            columns = Math.Max(columns, column + 1);
        }

        return new CircuitLayout(circuit, operations, columns, circuit.Input is not null);
    }
}
