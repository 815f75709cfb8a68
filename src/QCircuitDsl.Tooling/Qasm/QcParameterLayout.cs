using System.Text.RegularExpressions;

namespace QCircuitDsl.Tooling.Qasm;

/// <summary>One .qc parameter array and the input slots it holds (in row-major order).</summary>
internal sealed record QcParameterArray(string Name, IReadOnlyList<int> Shape, int FirstSlot, string Origin);

/// <summary>
/// Turns OpenQASM inputs back into .qc parameter arrays. A run of scalars named
/// <c>theta_0_0, theta_0_1, …</c> that enumerates a full grid in row-major order (what export-qasm
/// writes) becomes <c>param theta[2][4]</c> again; an input array keeps its name and length; any other
/// scalar <c>x</c> becomes <c>param x[1]</c>. Slots stay in declaration order, so the flat .qc
/// parameter vector equals the OpenQASM inputs in declaration order.
/// </summary>
internal static partial class QcParameterLayout
{
    [GeneratedRegex(@"^(?<base>.*?)(?<indices>(?:_[0-9]+)+)$")]
    private static partial Regex ElementName();

    public static List<QcParameterArray> Build(IReadOnlyList<QasmInput> inputs, QcNames names)
    {
        var arrays = new List<QcParameterArray>();
        int i = 0;
        while (i < inputs.Count)
        {
            var input = inputs[i];
            if (input.IsArray)
            {
                arrays.Add(new QcParameterArray(names.Allocate(input.Name), new[] { input.Size }, input.First, input.Name));
                i++;
                continue;
            }

            if (TryGrid(inputs, i, out var baseName, out var shape, out int count))
            {
                arrays.Add(new QcParameterArray(names.Allocate(baseName), shape, input.First, $"{inputs[i].Name} … {inputs[i + count - 1].Name}"));
                i += count;
                continue;
            }

            arrays.Add(new QcParameterArray(names.Allocate(input.Name), new[] { 1 }, input.First, input.Name));
            i++;
        }

        return arrays;
    }

    /// <summary>The .qc element name of each slot, e.g. <c>theta[0][3]</c>.</summary>
    public static string[] ElementNames(IReadOnlyList<QcParameterArray> arrays, int slots)
    {
        var names = new string[slots];
        foreach (var a in arrays)
        {
            int size = a.Shape.Aggregate(1, (x, y) => x * y);
            for (int k = 0; k < size; k++)
            {
                names[a.FirstSlot + k] = a.Name + string.Concat(Unflatten(k, a.Shape).Select(v => "[" + v + "]"));
            }
        }

        return names;
    }

    private static bool TryGrid(IReadOnlyList<QasmInput> inputs, int start, out string baseName, out int[] shape, out int count)
    {
        baseName = "";
        shape = Array.Empty<int>();
        count = 0;
        if (!TrySplit(inputs[start].Name, out baseName, out var first))
        {
            return false;
        }

        var run = new List<int[]> { first };
        for (int j = start + 1; j < inputs.Count && !inputs[j].IsArray && TrySplit(inputs[j].Name, out var b, out var idx) && b == baseName && idx.Length == first.Length; j++)
        {
            run.Add(idx);
        }

        shape = Enumerable.Range(0, first.Length).Select(d => run.Max(r => r[d]) + 1).ToArray();
        long size = shape.Aggregate(1L, (x, y) => x * y);
        if (size != run.Count)
        {
            return false;
        }

        for (int k = 0; k < run.Count; k++)
        {
            if (!Unflatten(k, shape).SequenceEqual(run[k]))
            {
                return false;
            }
        }

        count = run.Count;
        return baseName.Length > 0;
    }

    private static bool TrySplit(string name, out string baseName, out int[] indices)
    {
        var m = ElementName().Match(name);
        baseName = m.Success ? m.Groups["base"].Value : "";
        indices = m.Success
            ? m.Groups["indices"].Value.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var v) && v < 1_000_000 ? v : -1).ToArray()
            : Array.Empty<int>();
        return m.Success && baseName.Length > 0 && indices.All(v => v >= 0);
    }

    private static int[] Unflatten(int k, IReadOnlyList<int> shape)
    {
        var idx = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            idx[d] = k % shape[d];
            k /= shape[d];
        }

        return idx;
    }
}
