using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>
/// One time step of each recurrent cell, shared by the *Cell modules and the multi-layer modules. xProj is the
/// input projection x·W_ihᵀ + b_ih (precomputed for all time steps at once by the layer modules). Gate order and
/// formulas are PyTorch's:
/// RNN: h' = act(xProj + h·W_hhᵀ + b_hh);
/// LSTM (i, f, g, o): c' = σ(f)·c + σ(i)·tanh(g), h' = σ(o)·tanh(c');
/// GRU (r, z, n): n = tanh(x_n + σ(r)·(h·W_hnᵀ + b_hn)), h' = (1 − σ(z))·n + σ(z)·h.
/// </summary>
internal static class RecurrentSteps
{
    public static Tensor Rnn(Tensor xProj, Tensor h, Tensor wHh, Tensor? bHh, string nonlinearity)
    {
        var pre = xProj + Functional.Linear(h, wHh, bHh);
        return nonlinearity == "relu" ? Functional.Relu(pre) : Functional.Tanh(pre);
    }

    public static (Tensor H, Tensor C) Lstm(Tensor xProj, Tensor h, Tensor c, Tensor wHh, Tensor? bHh)
    {
        var gates = (xProj + Functional.Linear(h, wHh, bHh)).Chunk(4, -1);
        var i = gates[0].Sigmoid();
        var f = gates[1].Sigmoid();
        var g = gates[2].Tanh();
        var o = gates[3].Sigmoid();
        var cNext = f * c + i * g;
        return (o * cNext.Tanh(), cNext);
    }

    public static Tensor Gru(Tensor xProj, Tensor h, Tensor wHh, Tensor? bHh)
    {
        var x = xProj.Chunk(3, -1);
        var hh = Functional.Linear(h, wHh, bHh).Chunk(3, -1);
        var r = (x[0] + hh[0]).Sigmoid();
        var z = (x[1] + hh[1]).Sigmoid();
        var n = (x[2] + r * hh[2]).Tanh();
        return (1.0 - z) * n + z * h;
    }

    public static string CheckNonlinearity(string nonlinearity) => nonlinearity is "tanh" or "relu"
        ? nonlinearity
        : throw new ArgumentException($"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.");
}
