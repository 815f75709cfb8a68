using System.Globalization;
using System.Security;
using System.Text;

namespace QCircuitDsl.Tooling.Drawing;

/// <summary>
/// Draws a <see cref="CircuitLayout"/> as SVG: the same columns as the text drawing, never wrapped. The
/// image's width grows with the columns, so a wide circuit scrolls horizontally wherever it is shown.
/// Label widths are estimated from the character count of a monospace font, which keeps the output a
/// pure function of the circuit (no font measurement), hence deterministic.
/// </summary>
public static class SvgDiagramRenderer
{
    private const double CharWidth = 7.8;     // 13px monospace: about 0.6em per character
    private const double RowHeight = 48;
    private const double BoxHeight = 28;
    private const double BoxPadding = 8;
    private const double ColumnGap = 16;
    private const double Margin = 16;
    private const double ControlRadius = 5;
    private const double PlusRadius = 11;
    private const double CrossHalf = 7;

    public static string Render(CircuitLayout layout)
    {
        var names = Enumerable.Range(0, layout.QubitCount).Select(layout.WireName).ToArray();
        double labelWidth = names.Max(n => n.Length) * CharWidth + 12;
        var widths = layout.Columns.Select(ColumnWidth).ToArray();
        var centers = new double[widths.Length];
        double x = Margin + labelWidth + ColumnGap;
        for (int c = 0; c < widths.Length; c++)
        {
            centers[c] = x + widths[c] / 2;
            x += widths[c] + ColumnGap;
        }

        double wireEnd = x + (widths.Length == 0 ? 2 * ColumnGap : 0);
        double width = wireEnd + Margin;
        double height = 2 * Margin + layout.QubitCount * RowHeight;
        double Y(int qubit) => Margin + (qubit + 0.5) * RowHeight;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"monospace\" font-size=\"13\">\n");
        svg.Append($"  <title>{Escape(Title(layout))}</title>\n");
        svg.Append($"  <rect width=\"{F(width)}\" height=\"{F(height)}\" fill=\"white\"/>\n");
        for (int q = 0; q < layout.QubitCount; q++)
        {
            svg.Append($"  <text x=\"{F(Margin)}\" y=\"{F(Y(q))}\" dominant-baseline=\"central\">{Escape(names[q])}</text>\n");
            svg.Append($"  <line x1=\"{F(Margin + labelWidth)}\" y1=\"{F(Y(q))}\" x2=\"{F(wireEnd)}\" y2=\"{F(Y(q))}\" stroke=\"black\"/>\n");
        }

        foreach (var op in layout.Operations)
        {
            double cx = centers[op.Column];
            if (op.HasConnector)
            {
                svg.Append($"  <line x1=\"{F(cx)}\" y1=\"{F(Y(op.Top))}\" x2=\"{F(cx)}\" y2=\"{F(Y(op.Bottom))}\" stroke=\"black\"/>\n");
            }

            foreach (var cell in op.Cells)
            {
                AppendCell(svg, cell, cx, Y(cell.Qubit), widths[op.Column]);
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendCell(StringBuilder svg, DiagramCell cell, double cx, double cy, double columnWidth)
    {
        switch (cell.Mark)
        {
            case CellMark.Control:
                svg.Append($"  <circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(ControlRadius)}\" fill=\"black\"/>\n");
                break;
            case CellMark.Plus:
                svg.Append($"  <circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(PlusRadius)}\" fill=\"white\" stroke=\"black\"/>\n");
                svg.Append($"  <line x1=\"{F(cx - PlusRadius)}\" y1=\"{F(cy)}\" x2=\"{F(cx + PlusRadius)}\" y2=\"{F(cy)}\" stroke=\"black\"/>\n");
                svg.Append($"  <line x1=\"{F(cx)}\" y1=\"{F(cy - PlusRadius)}\" x2=\"{F(cx)}\" y2=\"{F(cy + PlusRadius)}\" stroke=\"black\"/>\n");
                break;
            case CellMark.Cross:
                svg.Append($"  <line x1=\"{F(cx - CrossHalf)}\" y1=\"{F(cy - CrossHalf)}\" x2=\"{F(cx + CrossHalf)}\" y2=\"{F(cy + CrossHalf)}\" stroke=\"black\" stroke-width=\"2\"/>\n");
                svg.Append($"  <line x1=\"{F(cx - CrossHalf)}\" y1=\"{F(cy + CrossHalf)}\" x2=\"{F(cx + CrossHalf)}\" y2=\"{F(cy - CrossHalf)}\" stroke=\"black\" stroke-width=\"2\"/>\n");
                break;
            default:
                double w = BoxWidth(cell.Label);
                svg.Append($"  <rect x=\"{F(cx - w / 2)}\" y=\"{F(cy - BoxHeight / 2)}\" width=\"{F(w)}\" height=\"{F(BoxHeight)}\" fill=\"white\" stroke=\"black\"/>\n");
                svg.Append($"  <text x=\"{F(cx)}\" y=\"{F(cy)}\" text-anchor=\"middle\" dominant-baseline=\"central\">{Escape(cell.Label)}</text>\n");
                break;
        }
    }

    private static double BoxWidth(string label) => Math.Max(label.Length * CharWidth + 2 * BoxPadding, BoxHeight);

    private static double ColumnWidth(IReadOnlyList<DiagramOperation> column) =>
        column.SelectMany(o => o.Cells).Select(c => c.Mark == CellMark.Box ? BoxWidth(c.Label) : 2 * PlusRadius).DefaultIfEmpty(2 * PlusRadius).Max();

    private static string Title(CircuitLayout layout)
    {
        var args = string.Join(", ", layout.Circuit.Arguments.Select(a => a.Key + "=" + a.Value.ToString(CultureInfo.InvariantCulture)));
        return $"{layout.Circuit.Name}({args})";
    }

    private static string F(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
