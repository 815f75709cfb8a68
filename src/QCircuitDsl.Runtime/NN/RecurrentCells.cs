using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>Shared parameters of the single-step cells: weight_ih [G·H, I], weight_hh [G·H, H], bias_ih, bias_hh [G·H],
/// all initialised U(−1/√H, 1/√H) in that order (PyTorch's reset_parameters).</summary>
public abstract class RecurrentCellBase : Module
{
    private protected RecurrentCellBase(int inputSize, int hiddenSize, bool bias, int gates, DType dtype, Generator? generator)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = RegisterParameter("weight_ih", new Parameter(Torch.Empty([gates * hiddenSize, inputSize], dtype)))!;
        WeightHh = RegisterParameter("weight_hh", new Parameter(Torch.Empty([gates * hiddenSize, hiddenSize], dtype)))!;
        BiasIh = RegisterParameter("bias_ih", bias ? new Parameter(Torch.Empty([gates * hiddenSize], dtype)) : null);
        BiasHh = RegisterParameter("bias_hh", bias ? new Parameter(Torch.Empty([gates * hiddenSize], dtype)) : null);
        var bound = hiddenSize > 0 ? 1 / Math.Sqrt(hiddenSize) : 0;
        foreach (var p in Parameters()) Init.Uniform_(p, -bound, bound, generator);
    }

    public int InputSize { get; }
    public int HiddenSize { get; }
    public Parameter WeightIh { get; }
    public Parameter WeightHh { get; }
    public Parameter? BiasIh { get; }
    public Parameter? BiasHh { get; }

    /// <summary>Adds a batch dim to unbatched input [I] and checks sizes; returns whether the input was unbatched.</summary>
    private protected bool PrepareInput(ref Tensor input)
    {
        if (input.Dim is not (1 or 2))
            throw new ArgumentException($"{TypeName}: expected input to be 1-D or 2-D but received {input.Dim}-D tensor of shape {ShapeUtils.Format(input.ShapeArray)}");
        if (input.Size(-1) != InputSize)
            throw new ArgumentException($"{TypeName}: input has inconsistent input_size: got {input.Size(-1)} expected {InputSize} (input shape {ShapeUtils.Format(input.ShapeArray)})");
        if (input.Dim == 2) return false;
        input = input.Unsqueeze(0);
        return true;
    }

    private protected Tensor PrepareState(Tensor? state, Tensor input, bool unbatched, string name)
    {
        if (state is null) return Torch.Zeros([input.Size(0), HiddenSize], input.DType);
        var s = unbatched ? state.Unsqueeze(0) : state;
        if (s.Dim != 2 || s.Size(0) != input.Size(0) || s.Size(1) != HiddenSize)
            throw new ArgumentException($"{TypeName}: expected {name} of shape [{input.Size(0)}, {HiddenSize}] but got {ShapeUtils.Format(state.ShapeArray)}");
        return s;
    }

    public override string ExtraRepr() => $"{InputSize}, {HiddenSize}" + (BiasIh is null ? ", bias=False" : "");
}

/// <summary>Elman RNN cell: h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh) (torch.nn.RNNCell).</summary>
public sealed class RNNCell : RecurrentCellBase
{
    public RNNCell(int inputSize, int hiddenSize, bool bias = true, string nonlinearity = "tanh", DType dtype = DType.Float32, Generator? generator = null)
        : base(inputSize, hiddenSize, bias, 1, dtype, generator) =>
        Nonlinearity = RecurrentSteps.CheckNonlinearity(nonlinearity);

    public string Nonlinearity { get; }

    public Tensor Forward(Tensor input, Tensor? hx = null)
    {
        var unbatched = PrepareInput(ref input);
        var h = PrepareState(hx, input, unbatched, "hx");
        var next = RecurrentSteps.Rnn(Functional.Linear(input, WeightIh, BiasIh), h, WeightHh, BiasHh, Nonlinearity);
        return unbatched ? next.Squeeze(0) : next;
    }
}

/// <summary>LSTM cell with gates (i, f, g, o) stacked in that order (torch.nn.LSTMCell).</summary>
public sealed class LSTMCell : RecurrentCellBase
{
    public LSTMCell(int inputSize, int hiddenSize, bool bias = true, DType dtype = DType.Float32, Generator? generator = null)
        : base(inputSize, hiddenSize, bias, 4, dtype, generator) { }

    public (Tensor H, Tensor C) Forward(Tensor input, (Tensor H, Tensor C)? state = null)
    {
        var unbatched = PrepareInput(ref input);
        var h = PrepareState(state?.H, input, unbatched, "h_0");
        var c = PrepareState(state?.C, input, unbatched, "c_0");
        var (hn, cn) = RecurrentSteps.Lstm(Functional.Linear(input, WeightIh, BiasIh), h, c, WeightHh, BiasHh);
        return unbatched ? (hn.Squeeze(0), cn.Squeeze(0)) : (hn, cn);
    }
}

/// <summary>GRU cell with gates (r, z, n) stacked in that order (torch.nn.GRUCell).</summary>
public sealed class GRUCell : RecurrentCellBase
{
    public GRUCell(int inputSize, int hiddenSize, bool bias = true, DType dtype = DType.Float32, Generator? generator = null)
        : base(inputSize, hiddenSize, bias, 3, dtype, generator) { }

    public Tensor Forward(Tensor input, Tensor? hx = null)
    {
        var unbatched = PrepareInput(ref input);
        var h = PrepareState(hx, input, unbatched, "hx");
        var next = RecurrentSteps.Gru(Functional.Linear(input, WeightIh, BiasIh), h, WeightHh, BiasHh);
        return unbatched ? next.Squeeze(0) : next;
    }
}
