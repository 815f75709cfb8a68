using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>
/// Multi-layer unidirectional recurrent network core shared by RNN, LSTM and GRU. Parameters per layer k are named
/// weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (PyTorch's names and order) and initialised
/// U(−1/√H, 1/√H). Input is [T, B, I], [B, T, I] with batchFirst, or unbatched [T, I]; states are
/// [num_layers, B, H] (or [num_layers, H] unbatched).
/// </summary>
public abstract class RecurrentLayersBase : Module
{
    private readonly Generator? _dropoutGenerator;

    private protected RecurrentLayersBase(int inputSize, int hiddenSize, int numLayers, bool bias, bool batchFirst, double dropout,
        int gates, DType dtype, Generator? generator)
    {
        if (numLayers < 1) throw new ArgumentException($"{TypeName}: num_layers must be at least 1, got {numLayers}");
        if (dropout < 0 || dropout > 1) throw new ArgumentException($"{TypeName}: dropout must be in [0, 1], got {dropout}");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        BatchFirst = batchFirst;
        DropoutP = dropout;
        _dropoutGenerator = generator;
        var layers = new List<(Parameter, Parameter, Parameter?, Parameter?)>();
        for (var k = 0; k < numLayers; k++)
        {
            var layerInput = k == 0 ? inputSize : hiddenSize;
            var wIh = RegisterParameter($"weight_ih_l{k}", new Parameter(Torch.Empty([gates * hiddenSize, layerInput], dtype)))!;
            var wHh = RegisterParameter($"weight_hh_l{k}", new Parameter(Torch.Empty([gates * hiddenSize, hiddenSize], dtype)))!;
            var bIh = RegisterParameter($"bias_ih_l{k}", bias ? new Parameter(Torch.Empty([gates * hiddenSize], dtype)) : null);
            var bHh = RegisterParameter($"bias_hh_l{k}", bias ? new Parameter(Torch.Empty([gates * hiddenSize], dtype)) : null);
            layers.Add((wIh, wHh, bIh, bHh));
        }
        Layers = layers;
        var bound = hiddenSize > 0 ? 1 / Math.Sqrt(hiddenSize) : 0;
        foreach (var p in Parameters()) Init.Uniform_(p, -bound, bound, generator);
    }

    public int InputSize { get; }
    public int HiddenSize { get; }
    public int NumLayers { get; }
    public bool BatchFirst { get; }
    public double DropoutP { get; }

    /// <summary>(weight_ih, weight_hh, bias_ih, bias_hh) per layer.</summary>
    public IReadOnlyList<(Parameter WeightIh, Parameter WeightHh, Parameter? BiasIh, Parameter? BiasHh)> Layers { get; }

    /// <summary>Brings input to [T, B, I]; returns whether it was unbatched.</summary>
    private protected bool PrepareInput(ref Tensor input)
    {
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"{TypeName}: expected input to be 2-D or 3-D but received {input.Dim}-D tensor of shape {ShapeUtils.Format(input.ShapeArray)}");
        if (input.Size(-1) != InputSize)
            throw new ArgumentException($"{TypeName}: input.size(-1) must be equal to input_size. Expected {InputSize}, got {input.Size(-1)} (input shape {ShapeUtils.Format(input.ShapeArray)})");
        if (input.Dim == 2)
        {
            input = input.Unsqueeze(1);
            return true;
        }
        if (BatchFirst) input = input.Transpose(0, 1);
        return false;
    }

    /// <summary>Per-layer initial states [B, H] from an optional [L, B, H] tensor (zeros when null).</summary>
    private protected Tensor[] PrepareState(Tensor? state, int batch, bool unbatched, DType dtype, string name)
    {
        if (state is null) return Enumerable.Range(0, NumLayers).Select(_ => Torch.Zeros([batch, HiddenSize], dtype)).ToArray();
        var s = unbatched ? state.Unsqueeze(1) : state;
        if (s.Dim != 3 || s.Size(0) != NumLayers || s.Size(1) != batch || s.Size(2) != HiddenSize)
        {
            var expected = unbatched ? $"[{NumLayers}, {HiddenSize}]" : $"[{NumLayers}, {batch}, {HiddenSize}]";
            throw new ArgumentException($"{TypeName}: expected {name} of shape {expected} but got {ShapeUtils.Format(state.ShapeArray)}");
        }
        return Enumerable.Range(0, NumLayers).Select(k => s.Select(0, k)).ToArray();
    }

    /// <summary>Runs all layers over the sequence. step(layer, xProj_t, states) returns the new states; states[0] is h.</summary>
    private protected (Tensor Output, Tensor[][] Final) RunLayers(Tensor input, Tensor[][] initial,
        Func<int, Tensor, Tensor[], Tensor[]> step)
    {
        var steps = input.Size(0);
        var x = input;
        var final = new Tensor[NumLayers][];
        for (var k = 0; k < NumLayers; k++)
        {
            var (wIh, _, bIh, _) = Layers[k];
            // One matmul projects every time step's input; only the recurrent part runs per step.
            var projected = Functional.Linear(x, wIh, bIh);
            // Unbind (one split node for all steps), not Select per step: each Select's backward would build a
            // zero tensor the size of the whole [T, B, G·H] projection, O(T²) work per backward pass.
            var perStep = projected.Unbind(0);
            var states = initial[k];
            var outputs = new Tensor[steps];
            for (var t = 0; t < steps; t++)
            {
                states = step(k, perStep[t], states);
                outputs[t] = states[0];
            }
            final[k] = states;
            x = steps == 0 ? Torch.Zeros([0, input.Size(1), HiddenSize], input.DType) : Torch.Stack(outputs, 0);
            if (k < NumLayers - 1 && DropoutP > 0) x = Functional.Dropout(x, DropoutP, Training, _dropoutGenerator);
        }
        return (x, final);
    }

    private protected Tensor FinishOutput(Tensor output, bool unbatched)
    {
        if (unbatched) return output.Squeeze(1);
        return BatchFirst ? output.Transpose(0, 1) : output;
    }

    private protected static Tensor StackStates(IEnumerable<Tensor> states, bool unbatched)
    {
        var stacked = Torch.Stack(states.ToArray(), 0);
        return unbatched ? stacked.Squeeze(1) : stacked;
    }

    public override string ExtraRepr() =>
        $"{InputSize}, {HiddenSize}" + (NumLayers != 1 ? $", num_layers={NumLayers}" : "") + (BatchFirst ? ", batch_first=True" : "") +
        (DropoutP != 0 ? $", dropout={DropoutP}" : "");
}

/// <summary>Multi-layer Elman RNN (torch.nn.RNN). Forward returns (output, h_n).</summary>
public sealed class RNN : RecurrentLayersBase
{
    public RNN(int inputSize, int hiddenSize, int numLayers = 1, string nonlinearity = "tanh", bool bias = true, bool batchFirst = false,
        double dropout = 0, DType dtype = DType.Float32, Generator? generator = null)
        : base(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, 1, dtype, generator) =>
        Nonlinearity = RecurrentSteps.CheckNonlinearity(nonlinearity);

    public string Nonlinearity { get; }

    public (Tensor Output, Tensor HN) Forward(Tensor input, Tensor? h0 = null)
    {
        var unbatched = PrepareInput(ref input);
        var initial = PrepareState(h0, input.Size(1), unbatched, input.DType, "h_0").Select(h => new[] { h }).ToArray();
        var (output, final) = RunLayers(input, initial, (k, xp, s) =>
            [RecurrentSteps.Rnn(xp, s[0], Layers[k].WeightHh, Layers[k].BiasHh, Nonlinearity)]);
        return (FinishOutput(output, unbatched), StackStates(final.Select(f => f[0]), unbatched));
    }
}

/// <summary>Multi-layer LSTM (torch.nn.LSTM). Forward returns (output, (h_n, c_n)).</summary>
public sealed class LSTM : RecurrentLayersBase
{
    public LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0,
        DType dtype = DType.Float32, Generator? generator = null)
        : base(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, 4, dtype, generator) { }

    public (Tensor Output, (Tensor HN, Tensor CN) State) Forward(Tensor input, (Tensor H0, Tensor C0)? state = null)
    {
        var unbatched = PrepareInput(ref input);
        var h = PrepareState(state?.H0, input.Size(1), unbatched, input.DType, "h_0");
        var c = PrepareState(state?.C0, input.Size(1), unbatched, input.DType, "c_0");
        var initial = Enumerable.Range(0, NumLayers).Select(k => new[] { h[k], c[k] }).ToArray();
        var (output, final) = RunLayers(input, initial, (k, xp, s) =>
        {
            var (hn, cn) = RecurrentSteps.Lstm(xp, s[0], s[1], Layers[k].WeightHh, Layers[k].BiasHh);
            return [hn, cn];
        });
        return (FinishOutput(output, unbatched), (StackStates(final.Select(f => f[0]), unbatched), StackStates(final.Select(f => f[1]), unbatched)));
    }
}

/// <summary>Multi-layer GRU (torch.nn.GRU). Forward returns (output, h_n).</summary>
public sealed class GRU : RecurrentLayersBase
{
    public GRU(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0,
        DType dtype = DType.Float32, Generator? generator = null)
        : base(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, 3, dtype, generator) { }

    public (Tensor Output, Tensor HN) Forward(Tensor input, Tensor? h0 = null)
    {
        var unbatched = PrepareInput(ref input);
        var initial = PrepareState(h0, input.Size(1), unbatched, input.DType, "h_0").Select(h => new[] { h }).ToArray();
        var (output, final) = RunLayers(input, initial, (k, xp, s) =>
            [RecurrentSteps.Gru(xp, s[0], Layers[k].WeightHh, Layers[k].BiasHh)]);
        return (FinishOutput(output, unbatched), StackStates(final.Select(f => f[0]), unbatched));
    }
}
