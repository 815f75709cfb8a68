using System.Numerics;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Amplitude encoding of token vectors into states the circuit runs on, with the rules of
/// <see cref="QuantumProjectionOptions"/>: v = [x, b?, 0…] padded to 2^n, ψ = v/‖v‖; a zero v encodes to
/// |0…0⟩ with zero gradient. Also returns ‖x‖ (of x alone, without b) for the side channel; its gradient at
/// x = 0 is defined as 0.
/// </summary>
/// <remarks>
/// Done here rather than by the engine's <c>EncodeInputs</c> because the engine throws on a zero norm and knows no
/// bias amplitude; the circuit then starts from the given state (QuantumLayer.ForwardState). Norms and dot products
/// are accumulated in double, like the engine's encoder.
/// </remarks>
public static class AmplitudeEncoder
{
    /// <summary>Smallest qubit count n ≥ 1 with 2^n ≥ the encoded length (features, plus one with a bias amplitude).</summary>
    public static int QubitsFor(int features, bool biasAmplitude)
    {
        var length = features + (biasAmplitude ? 1 : 0);
        var n = 1;
        while ((1 << n) < length) n++;
        return n;
    }

    /// <summary>x [T, F] → (state [T, 2^n, 2] with real/imaginary last, ‖x‖ [T, 1]).</summary>
    public static (Tensor State, Tensor Norm) Encode(Tensor x, int qubits, double? biasAmplitude)
    {
        if (x.Dim != 2) throw new ArgumentException($"amplitude encoding: expected [tokens, features], got [{string.Join(", ", x.Shape)}]");
        if (x.Size(1) + (biasAmplitude is null ? 0 : 1) > 1 << qubits)
            throw new ArgumentException($"amplitude encoding: {x.Size(1)} features{(biasAmplitude is null ? "" : " + bias amplitude")} do not fit {qubits} qubits");
        var outputs = new AmplitudeEncodeFunction(qubits, biasAmplitude).Apply(x);
        return (outputs[0], outputs[1]);
    }
}

internal sealed class AmplitudeEncodeFunction(int qubits, double? biasAmplitude) : Function
{
    public override string Name => "AmplitudeEncodeBackward";

    public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs)
    {
        ctx.SaveForBackward(inputs[0]);
        return inputs[0].DType == DType.Float32 ? Forward<float>(inputs[0]) : Forward<double>(inputs[0]);
    }

    private Tensor[] Forward<T>(Tensor input) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int tokens = input.Size(0), features = input.Size(1), dim = 1 << qubits;
        var x = input.ToArray<T>();
        var state = new T[tokens * dim * 2];
        var norms = new T[tokens];
        for (int r = 0; r < tokens; r++)
        {
            var row = x.AsSpan(r * features, features);
            var (norm, total) = Norms(row);
            norms[r] = T.CreateTruncating(norm);
            var amplitudes = state.AsSpan(r * dim * 2, dim * 2);
            if (total == 0)
            {
                amplitudes[0] = T.One; // the zero-vector rule: |0…0⟩
                continue;
            }
            for (int j = 0; j < features; j++) amplitudes[2 * j] = T.CreateTruncating(double.CreateTruncating(row[j]) / total);
            if (biasAmplitude is { } b) amplitudes[2 * features] = T.CreateTruncating(b / total);
        }
        return [TensorArrays.Wrap(state, tokens, dim, 2), TensorArrays.Wrap(norms, tokens, 1)];
    }

    public override Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs)
    {
        var x = ctx.SavedTensors[0];
        return [x.DType == DType.Float32 ? Backward<float>(x, gradOutputs) : Backward<double>(x, gradOutputs)];
    }

    private Tensor Backward<T>(Tensor input, Tensor[] gradOutputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int tokens = input.Size(0), features = input.Size(1), dim = 1 << qubits;
        var x = input.ToArray<T>();
        var gState = gradOutputs[0].ToArray<T>();
        var gNorm = gradOutputs[1].ToArray<T>();
        var gx = new T[x.Length];
        for (int r = 0; r < tokens; r++)
        {
            var row = x.AsSpan(r * features, features);
            var (norm, total) = Norms(row);
            if (total == 0) continue; // zero vector: zero gradient by definition
            // ψ = v/‖v‖ ⇒ ∂L/∂v = (g − ψ⟨ψ, g⟩)/‖v‖ with g the real part of the state gradient (amplitudes are real).
            double dot = 0;
            for (int j = 0; j < features; j++)
                dot += double.CreateTruncating(row[j]) / total * double.CreateTruncating(gState[(r * dim + j) * 2]);
            if (biasAmplitude is { } b) dot += b / total * double.CreateTruncating(gState[(r * dim + features) * 2]);
            double gn = double.CreateTruncating(gNorm[r]);
            for (int j = 0; j < features; j++)
            {
                double xj = double.CreateTruncating(row[j]);
                double g = (double.CreateTruncating(gState[(r * dim + j) * 2]) - xj / total * dot) / total;
                if (norm > 0) g += gn * xj / norm;
                gx[r * features + j] = T.CreateTruncating(g);
            }
        }
        return TensorArrays.Wrap(gx, tokens, features);
    }

    /// <summary>(‖x‖, ‖[x, b]‖) in double.</summary>
    private (double Norm, double Total) Norms<T>(ReadOnlySpan<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (var v in row)
        {
            double d = double.CreateTruncating(v);
            sum += d * d;
        }
        double b = biasAmplitude ?? 0;
        return (Math.Sqrt(sum), Math.Sqrt(sum + b * b));
    }
}
