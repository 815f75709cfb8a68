namespace QCircuitDsl.Tooling.Drawing;

/// <summary>
/// One drawn operation (a gate, or the amplitude encoding) placed in a column. It occupies every wire
/// from <see cref="Top"/> to <see cref="Bottom"/>: the vertical line joining its cells crosses the wires
/// in between, so no other operation may sit there in the same column.
/// </summary>
public sealed class DiagramOperation
{
    public DiagramOperation(IReadOnlyList<DiagramCell> cells, int column, int? gateIndex)
    {
        if (cells.Count == 0)
        {
            throw new ArgumentException("an operation needs at least one cell", nameof(cells));
        }

        Cells = cells.OrderBy(c => c.Qubit).ToArray();
        Column = column;
        GateIndex = gateIndex;
        Top = Cells[0].Qubit;
        Bottom = Cells[^1].Qubit;
    }

    /// <summary>One cell per qubit the operation acts on, top to bottom.</summary>
    public IReadOnlyList<DiagramCell> Cells { get; }
    public int Column { get; }
    /// <summary>Index into the circuit's gate list; null for the amplitude encoding.</summary>
    public int? GateIndex { get; }
    public int Top { get; }
    public int Bottom { get; }

    /// <summary>True when a vertical line is drawn (more than one cell).</summary>
    public bool HasConnector => Top != Bottom;

    public DiagramCell? CellAt(int qubit) => Cells.FirstOrDefault(c => c.Qubit == qubit);
}
