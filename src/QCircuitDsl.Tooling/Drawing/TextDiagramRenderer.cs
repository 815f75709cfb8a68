using System.Text;

namespace QCircuitDsl.Tooling.Drawing;

/// <summary>
/// Draws a <see cref="CircuitLayout"/> as monospace text: one row per wire (<c>q0: ─RY(theta[0][0])─●─</c>)
/// and a row between wires for vertical lines. A column is as wide as its widest label; a diagram
/// wider than <c>width</c> characters is cut between columns into sections stacked one under the other,
/// the cut marked with » at the end of a section and « at the start of the next.
/// </summary>
public static class TextDiagramRenderer
{
    private const char Wire = '─';
    private const char Vertical = '│';
    private const char Crossing = '┼';

    public static string Render(CircuitLayout layout, int width = 100)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "the width must be at least 1 character");
        }

        var names = Enumerable.Range(0, layout.QubitCount).Select(q => layout.WireName(q) + ":").ToArray();
        int prefix = names.Max(n => n.Length) + 1;
        var columnWidths = layout.Columns.Select(ColumnWidth).ToArray();
        var sb = new StringBuilder();
        foreach (var (first, end) in Sections(columnWidths, prefix, width))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            bool continued = first > 0, continues = end < columnWidths.Length;
            for (int row = 0; row < 2 * layout.QubitCount - 1; row++)
            {
                var line = new StringBuilder();
                bool wireRow = row % 2 == 0;
                int q = row / 2;
                line.Append(wireRow ? names[q].PadRight(prefix) : new string(' ', prefix));
                if (continued)
                {
                    line.Append(wireRow ? '«' : ' ');
                }

                for (int c = first; c < end; c++)
                {
                    line.Append(wireRow ? WireCell(layout.Columns[c], q, columnWidths[c]) : GapCell(layout.Columns[c], q, columnWidths[c]));
                }

                if (columnWidths.Length == 0)
                {
                    line.Append(wireRow ? "──" : "");
                }

                if (continues)
                {
                    line.Append(wireRow ? '»' : ' ');
                }

                sb.Append(line.ToString().TrimEnd()).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Greedy packing of columns into sections of at most <paramref name="width"/> characters (at least one column each).</summary>
    private static IEnumerable<(int First, int End)> Sections(int[] columnWidths, int prefix, int width)
    {
        if (columnWidths.Length == 0)
        {
            yield return (0, 0);
            yield break;
        }

        int first = 0;
        while (first < columnWidths.Length)
        {
            int used = prefix + (first > 0 ? 1 : 0);
            int end = first;
            while (end < columnWidths.Length)
            {
                // Room for the » that ends a section, unless this column is the last one.
                int marker = end + 1 < columnWidths.Length ? 1 : 0;
                if (end > first && used + columnWidths[end] + 2 + marker > width)
                {
                    break;
                }

                used += columnWidths[end] + 2;
                end++;
            }

            yield return (first, end);
            first = end;
        }
    }

    /// <summary>Width of a column's content (labels, or 1 for a mark), without the one wire character on each side.</summary>
    private static int ColumnWidth(IReadOnlyList<DiagramOperation> column) =>
        column.SelectMany(o => o.Cells).Select(c => c.Mark == CellMark.Box ? c.Label.Length : 1).DefaultIfEmpty(1).Max();

    // The vertical line runs at this offset inside a cell of width w + 2; a centred label always covers it.
    private static int Center(int width) => 1 + (width - 1) / 2;

    private static string WireCell(IReadOnlyList<DiagramOperation> column, int qubit, int width)
    {
        var cell = new string(Wire, width + 2).ToCharArray();
        var op = column.FirstOrDefault(o => o.Top <= qubit && qubit <= o.Bottom);
        if (op is null)
        {
            return new string(cell);
        }

        var mark = op.CellAt(qubit);
        if (mark is null)
        {
            cell[Center(width)] = Crossing;
        }
        else if (mark.Mark == CellMark.Box)
        {
            int start = 1 + (width - mark.Label.Length) / 2;
            mark.Label.CopyTo(0, cell, start, mark.Label.Length);
        }
        else
        {
            cell[Center(width)] = mark.Mark switch
            {
                CellMark.Control => '●',
                CellMark.Plus => '⊕',
                _ => '×',
            };
        }

        return new string(cell);
    }

    private static string GapCell(IReadOnlyList<DiagramOperation> column, int upperQubit, int width)
    {
        var cell = new string(' ', width + 2).ToCharArray();
        if (column.Any(o => o.Top <= upperQubit && o.Bottom > upperQubit))
        {
            cell[Center(width)] = Vertical;
        }

        return new string(cell);
    }
}
