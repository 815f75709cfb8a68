using System.Globalization;
using System.Text;

namespace QCircuitDsl.Cli.Plotting;

/// <summary>A small dependency-free SVG line chart with a logarithmic y axis (ScottPlot is not served here).</summary>
internal static class SvgLinePlot
{
    private const int Width = 720, Height = 420, Left = 70, Right = 20, Top = 40, Bottom = 50;
    private static readonly string[] Colors = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd" };

    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, double[] Values)> series)
    {
        int points = series.Max(s => s.Values.Length);
        var positive = series.SelectMany(s => s.Values).Where(v => v > 0 && double.IsFinite(v)).DefaultIfEmpty(1).ToArray();
        double lo = Math.Floor(Math.Log10(positive.Min())), hi = Math.Ceiling(Math.Log10(positive.Max()));
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        double X(int i) => Left + (Width - Left - Right) * (points <= 1 ? 0 : (double)i / (points - 1));
        double Y(double v) => Top + (Height - Top - Bottom) * (hi - Math.Log10(Math.Max(v, Math.Pow(10, lo)))) / (hi - lo);
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n");
        for (double d = lo; d <= hi; d++)
        {
            double y = Y(Math.Pow(10, d));
            svg.Append($"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Width - Right}\" y2=\"{F(y)}\" stroke=\"#ddd\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">1e{d.ToString(CultureInfo.InvariantCulture)}</text>\n");
        }

        for (int i = 0; i < points; i += Math.Max(1, points / 10))
        {
            svg.Append($"<text x=\"{F(X(i))}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{i + 1}</text>\n");
        }

        svg.Append($"<text x=\"{Width / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append($"<text transform=\"translate(16 {Height / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");
        for (int s = 0; s < series.Count; s++)
        {
            var color = Colors[s % Colors.Length];
            var path = string.Join(" ", series[s].Values.Select((v, i) => $"{(i == 0 ? "M" : "L")}{F(X(i))},{F(Y(v))}"));
            svg.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n");
            svg.Append($"<text x=\"{Width - Right - 150}\" y=\"{Top + 16 + 16 * s}\" fill=\"{color}\">{Escape(series[s].Name)}</text>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
