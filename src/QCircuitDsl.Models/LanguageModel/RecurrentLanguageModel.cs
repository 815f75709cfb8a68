using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.LanguageModel;

/// <summary>
/// The classical baseline of <see cref="QrnnLanguageModel"/> with the same head: embeddings (dropped out at the
/// input, as the QRNN cell drops its input), one RNN, LSTM or GRU layer (<c>rnn.*</c>), then
/// o_t = tanh(W·h_t + b) (<c>feedforward.*</c>) and the decoder (<c>decoder.*</c>, tied to the embedding when asked).
/// The recurrent layer feeds its own hidden state forward, so o_t is not fed back as the QRNN's feedback is.
/// </summary>
public sealed class RecurrentLanguageModel : Module, IChunkedLanguageModel
{
    private readonly RNN? _rnn;
    private readonly LSTM? _lstm;
    private readonly GRU? _gru;
    private readonly Generator? _dropoutGenerator;

    public RecurrentLanguageModel(RecurrentKind kind, int vocabulary, int embedding, int hidden, int feedback, double dropout = 0.0,
        Generator? generator = null, bool tieWeights = false, Generator? dropoutGenerator = null)
    {
        if (tieWeights && feedback != embedding)
        {
            throw new ArgumentException($"tied weights need the feedforward width ({feedback}) to equal the embedding width ({embedding}).", nameof(feedback));
        }

        Kind = kind;
        Vocabulary = vocabulary;
        Hidden = hidden;
        Dropout = dropout;
        _dropoutGenerator = dropoutGenerator ?? generator;
        Embedding = RegisterModule("embedding", new Embedding(vocabulary, embedding, generator: generator));
        switch (kind)
        {
            case RecurrentKind.Rnn:
                _rnn = RegisterModule("rnn", new RNN(embedding, hidden, batchFirst: true, generator: generator));
                break;
            case RecurrentKind.Lstm:
                _lstm = RegisterModule("rnn", new LSTM(embedding, hidden, batchFirst: true, generator: generator));
                break;
            default:
                _gru = RegisterModule("rnn", new GRU(embedding, hidden, batchFirst: true, generator: generator));
                break;
        }

        Feedforward = RegisterModule("feedforward", new Linear(hidden, feedback, generator: generator));
        if (tieWeights)
        {
            Init.Uniform_(Embedding.Weight, -0.1, 0.1, generator);
            Decoder = RegisterModule("decoder", new TiedDecoder(Embedding));
        }
        else
        {
            Decoder = RegisterModule("decoder", new Linear(feedback, vocabulary, generator: generator));
        }
    }

    public RecurrentKind Kind { get; }
    public int Vocabulary { get; }
    public int Hidden { get; }
    public double Dropout { get; }
    public Embedding Embedding { get; }
    public Linear Feedforward { get; }
    public Module<Tensor, Tensor> Decoder { get; }

    /// <summary>Parameters besides the embedding (and a tied decoder's matrix) for a hidden size: what the paper counts.</summary>
    public static long CountWithoutEmbedding(RecurrentKind kind, int embedding, int hidden, int feedback, int vocabulary, bool tieWeights) =>
        RecurrentEncoder.CountFor(kind, embedding, hidden) + (long)(hidden + 1) * feedback + (tieWeights ? vocabulary : (long)(feedback + 1) * vocabulary);

    /// <summary>The hidden size whose <see cref="CountWithoutEmbedding"/> is closest to <paramref name="target"/>.</summary>
    public static int HiddenForParameterCount(RecurrentKind kind, int embedding, int feedback, int vocabulary, bool tieWeights, long target) =>
        Enumerable.Range(1, 4096).MinBy(h => Math.Abs(CountWithoutEmbedding(kind, embedding, h, feedback, vocabulary, tieWeights) - target));

    /// <summary>tokens [B, T] → logits [B, T, V] and the detached recurrent state (h, and c for the LSTM) to continue from.</summary>
    public (Tensor Logits, Tensor[] State) Forward(Tensor tokens, Tensor[]? state = null)
    {
        var x = Embedding.Forward(tokens);
        if (Dropout > 0)
        {
            x = Functional.Dropout(x, Dropout, Training, _dropoutGenerator);
        }

        Tensor output;
        Tensor[] next;
        if (_lstm is not null)
        {
            (output, var (h, c)) = _lstm.Forward(x, state is null ? null : (state[0], state[1]));
            next = new[] { h, c };
        }
        else if (_rnn is not null)
        {
            (output, var h) = _rnn.Forward(x, state?[0]);
            next = new[] { h };
        }
        else
        {
            (output, var h) = _gru!.Forward(x, state?[0]);
            next = new[] { h };
        }

        var logits = Decoder.Forward(Functional.Tanh(Feedforward.Forward(output)));
        return (logits, next.Select(t => t.Detach()).ToArray());
    }

    (Tensor Logits, object State) IChunkedLanguageModel.Forward(Tensor tokens, object? state) => Forward(tokens, (Tensor[]?)state);
}
