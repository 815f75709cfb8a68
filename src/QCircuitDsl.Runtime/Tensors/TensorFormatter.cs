using System.Globalization;
using System.Text;
using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

/// <summary>
/// PyTorch-like printing: tensor([[ 1.0000, -2.5000], ...], dtype=float64, grad_fn=&lt;MulBackward&gt;). Floats use 4
/// decimals, integral float tensors print as "1.", and scientific notation is used when magnitudes span more than
/// 1000× or exceed 1e8 — the same rules as torch's default print options. Large tensors are summarised with "...".
/// </summary>
internal static class TensorFormatter
{
    private const int SummariseThreshold = 1000;
    private const int EdgeItems = 3;

    public static string Format(Tensor t)
    {
        var values = t.ToArray<double>();
        var formatter = ChooseFormat(t.DType, values);
        var strings = values.Select(formatter).ToArray();
        var width = strings.Length == 0 ? 0 : strings.Max(s => s.Length);
        var summarise = values.Length > SummariseThreshold;

        var sb = new StringBuilder("tensor(");
        if (t.Dim == 0) sb.Append(strings[0]);
        else if (values.Length == 0) sb.Append(t.Dim == 1 ? "[]" : "[]");
        else AppendDim(sb, t.ShapeArray, ShapeUtils.ContiguousStrides(t.ShapeArray), 0, 0, strings, width, summarise, "tensor(".Length);

        if (values.Length == 0 && t.Dim != 1) sb.Append(", size=").Append(ShapeUtils.Format(t.ShapeArray).Replace("[", "(").Replace("]", ")"));
        if (t.DType == DType.Float64) sb.Append(", dtype=float64");
        if (t.GradFn is not null) sb.Append(", grad_fn=<").Append(t.GradFn.Name).Append('>');
        else if (t.RequiresGrad) sb.Append(", requires_grad=True");
        return sb.Append(')').ToString();
    }

    private static void AppendDim(StringBuilder sb, int[] shape, int[] strides, int dim, int offset, string[] strings, int width,
        bool summarise, int indent)
    {
        sb.Append('[');
        var size = shape[dim];
        var indices = summarise && size > 2 * EdgeItems
            ? Enumerable.Range(0, EdgeItems).Concat([-1]).Concat(Enumerable.Range(size - EdgeItems, EdgeItems))
            : Enumerable.Range(0, size);
        var first = true;
        foreach (var i in indices)
        {
            if (!first)
            {
                sb.Append(',');
                if (dim == shape.Length - 1) sb.Append(' ');
                else sb.Append('\n', shape.Length - dim - 1).Append(' ', indent + dim + 1);
            }
            first = false;
            if (i < 0)
            {
                sb.Append("...");
                continue;
            }
            if (dim == shape.Length - 1) sb.Append(strings[offset + i * strides[dim]].PadLeft(width));
            else AppendDim(sb, shape, strides, dim + 1, offset + i * strides[dim], strings, width, summarise, indent);
        }
        sb.Append(']');
    }

    private static Func<double, string> ChooseFormat(DType dtype, double[] values)
    {
        var ci = CultureInfo.InvariantCulture;
        if (dtype == DType.Int64) return v => ((long)v).ToString(ci);
        var finite = values.Where(double.IsFinite).Select(Math.Abs).ToArray();
        string Special(double v) => double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        if (finite.All(v => v == Math.Floor(v)) && (finite.Length == 0 || finite.Max() < 1e8))
            return v => double.IsFinite(v) ? v.ToString("0", ci) + "." : Special(v);
        var nonZero = finite.Where(v => v != 0).ToArray();
        var scientific = nonZero.Length > 0 && (nonZero.Max() / nonZero.Min() > 1000 || nonZero.Max() > 1e8);
        return scientific
            ? v => double.IsFinite(v) ? v.ToString("0.0000e+00", ci) : Special(v)
            : v => double.IsFinite(v) ? v.ToString("0.0000", ci) : Special(v);
    }
}
