using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Sequence;

public enum RecurrentKind
{
    Rnn,
    Lstm,
    Gru,
}

/// <summary>The classical baselines the papers compare with: one RNN, LSTM or GRU layer (<c>rnn.*</c>, PyTorch names).</summary>
public sealed class RecurrentEncoder : SequenceEncoder
{
    private readonly RNN? _rnn;
    private readonly LSTM? _lstm;
    private readonly GRU? _gru;

    public RecurrentEncoder(RecurrentKind kind, int inputSize, int hidden, double dropout = 0.0, DType dtype = DType.Float32, Generator? generator = null)
    {
        Kind = kind;
        InputSize = inputSize;
        OutputSize = hidden;
        switch (kind)
        {
            case RecurrentKind.Rnn:
                _rnn = RegisterModule("rnn", new RNN(inputSize, hidden, batchFirst: true, dtype: dtype, generator: generator));
                break;
            case RecurrentKind.Lstm:
                _lstm = RegisterModule("rnn", new LSTM(inputSize, hidden, batchFirst: true, dtype: dtype, generator: generator));
                break;
            default:
                _gru = RegisterModule("rnn", new GRU(inputSize, hidden, batchFirst: true, dtype: dtype, generator: generator));
                break;
        }
    }

    public RecurrentKind Kind { get; }
    public override int InputSize { get; }
    public override int OutputSize { get; }

    public override Tensor Forward(Tensor x) =>
        _rnn?.Forward(x).Output ?? _lstm?.Forward(x).Output ?? _gru!.Forward(x).Output;

    /// <summary>Parameters of one layer with this hidden size (biases included), for matching a QRNN's count.</summary>
    public static long CountFor(RecurrentKind kind, int inputSize, int hidden)
    {
        int gates = kind switch { RecurrentKind.Rnn => 1, RecurrentKind.Lstm => 4, _ => 3 };
        return (long)gates * hidden * (inputSize + hidden + 2);
    }

    /// <summary>The hidden size whose parameter count (encoder plus a head of <paramref name="headOutputs"/> per feature) is closest to <paramref name="target"/>.</summary>
    public static int HiddenForParameterCount(RecurrentKind kind, int inputSize, long target, int headOutputs)
    {
        int best = 1;
        long bestGap = long.MaxValue;
        for (int h = 1; h <= 4096; h++)
        {
            long count = CountFor(kind, inputSize, h) + (long)(h + 1) * headOutputs;
            long gap = Math.Abs(count - target);
            if (gap < bestGap)
            {
                best = h;
                bestGap = gap;
            }
        }

        return best;
    }
}
