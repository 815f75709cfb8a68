using System.Text;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Autograd;

/// <summary>One Jacobian entry where analytic and numeric gradients disagree.</summary>
public sealed record GradCheckMismatch(int InputIndex, int InputElement, int OutputElement, double Analytic, double Numeric)
{
    public override string ToString() =>
        $"input {InputIndex} element {InputElement}, output element {OutputElement}: analytic {Analytic:G10} vs numeric {Numeric:G10}";
}

/// <summary>Outcome of <see cref="GradCheck.Check(Func{Tensor[], Tensor}, Tensor[], double, double, double, bool)"/>.</summary>
public sealed record GradCheckReport(bool Passed, int EntriesChecked, double MaxAbsError, IReadOnlyList<GradCheckMismatch> Mismatches)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Passed ? "gradcheck passed" : "gradcheck FAILED")
            .Append($": {EntriesChecked} Jacobian entries, max |analytic - numeric| = {MaxAbsError:G4}");
        foreach (var m in Mismatches.Take(10)) sb.AppendLine().Append("  ").Append(m);
        if (Mismatches.Count > 10) sb.AppendLine().Append($"  ... and {Mismatches.Count - 10} more");
        return sb.ToString();
    }
}

public sealed class GradCheckException(GradCheckReport report) : Exception(report.ToString())
{
    public GradCheckReport Report { get; } = report;
}

/// <summary>
/// Compares the autograd Jacobian with central finite differences, (f(x+eps) - f(x-eps)) / 2eps, entry by entry — like
/// torch.autograd.gradcheck. Everything runs in float64 because float32 round-off swamps the finite differences.
/// An entry passes when |analytic - numeric| &lt;= atol + rtol * |numeric|.
/// </summary>
public static class GradCheck
{
    public static GradCheckReport Check(Func<Tensor, Tensor> func, Tensor input, double eps = 1e-6, double atol = 1e-5,
        double rtol = 1e-3, bool raiseOnFailure = true) =>
        Check(xs => func(xs[0]), [input], eps, atol, rtol, raiseOnFailure);

    /// <summary>Checks d func(inputs) / d inputs[i] for every input with RequiresGrad. Throws
    /// <see cref="GradCheckException"/> on mismatch unless <paramref name="raiseOnFailure"/> is false.</summary>
    public static GradCheckReport Check(Func<Tensor[], Tensor> func, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5,
        double rtol = 1e-3, bool raiseOnFailure = true)
    {
        for (var i = 0; i < inputs.Length; i++)
            if (inputs[i].RequiresGrad && inputs[i].DType != DType.Float64)
                throw new ArgumentException(
                    $"gradcheck: input {i} is {inputs[i].DType.Name()}; gradient checks need float64 inputs (use .Double()) because float32 finite differences are too noisy");
        var checkedInputs = Enumerable.Range(0, inputs.Length).Where(i => inputs[i].RequiresGrad).ToArray();
        if (checkedInputs.Length == 0) throw new ArgumentException("gradcheck: no input has RequiresGrad = true");

        var output = func(inputs);
        if (output.DType != DType.Float64)
            throw new ArgumentException($"gradcheck: the function returned {output.DType.Name()}; it must return float64");
        var outCount = output.Numel;

        // analytic[k][outElem, inElem] from one backward pass per output element.
        var analytic = checkedInputs.Select(i => new double[outCount, inputs[i].Numel]).ToArray();
        if (output.RequiresGrad)
        {
            for (var o = 0; o < outCount; o++)
            {
                var oneHot = new double[outCount];
                oneHot[o] = 1;
                var grads = Engine.Grad([output], checkedInputs.Select(i => inputs[i]).ToArray(),
                    [Tensor.FromArray(oneHot, output.Shape)], retainGraph: true, createGraph: false, allowUnused: true);
                for (var k = 0; k < checkedInputs.Length; k++)
                {
                    if (grads[k] is not { } g) continue;
                    var values = g.ToArray<double>();
                    for (var e = 0; e < values.Length; e++) analytic[k][o, e] = values[e];
                }
            }
        }

        var mismatches = new List<GradCheckMismatch>();
        var maxError = 0.0;
        var entries = 0;
        for (var k = 0; k < checkedInputs.Length; k++)
        {
            var input = inputs[checkedInputs[k]];
            var data = input.Data<double>();
            for (var e = 0; e < input.Numel; e++)
            {
                var offset = StorageOffset(input, e);
                var original = data[offset];
                data[offset] = original + eps;
                var plus = Evaluate(func, inputs);
                data[offset] = original - eps;
                var minus = Evaluate(func, inputs);
                data[offset] = original;
                for (var o = 0; o < outCount; o++)
                {
                    var numeric = (plus[o] - minus[o]) / (2 * eps);
                    var a = analytic[k][o, e];
                    var error = Math.Abs(a - numeric);
                    entries++;
                    if (!(error <= maxError)) maxError = double.IsNaN(error) ? double.NaN : Math.Max(maxError, error);
                    if (!(error <= atol + rtol * Math.Abs(numeric)))
                        mismatches.Add(new GradCheckMismatch(checkedInputs[k], e, o, a, numeric));
                }
            }
        }

        var report = new GradCheckReport(mismatches.Count == 0, entries, maxError, mismatches);
        if (!report.Passed && raiseOnFailure) throw new GradCheckException(report);
        return report;
    }

    private static double[] Evaluate(Func<Tensor[], Tensor> func, Tensor[] inputs)
    {
        using var _ = GradMode.NoGrad();
        return func(inputs).ToArray<double>();
    }

    /// <summary>Storage position of the element with row-major number <paramref name="flat"/> in a strided view.</summary>
    private static int StorageOffset(Tensor t, int flat)
    {
        var offset = t.Offset;
        for (var d = t.Dim - 1; d >= 0; d--)
        {
            var size = t.ShapeArray[d];
            offset += flat % size * t.StrideArray[d];
            flat /= size;
        }
        return offset;
    }
}
