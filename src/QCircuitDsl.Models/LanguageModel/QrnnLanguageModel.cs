using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.LanguageModel;

/// <summary>
/// The QRNN language model (Xu 2025): token embeddings drive the cell; each readout z_t goes through a
/// separate feedforward layer, o_t = tanh(W·z_t + b), which gives both the vocabulary logits and the
/// next step's feedback. Parameters: <c>embedding.weight</c>, <c>cell.*</c>, <c>feedforward.*</c>, <c>decoder.*</c>.
/// With <c>tieWeights</c> the decoder is the transposed embedding (<see cref="TiedDecoder"/>, feedback width =
/// embedding width), so the model's own parameters exclude the vocabulary matrix, as the paper counts them.
/// Training truncates backpropagation through time at the chunk boundary (35 tokens in the paper):
/// pass the returned <see cref="LanguageModelState"/> to the next chunk.
/// </summary>
public sealed class QrnnLanguageModel : Module, IChunkedLanguageModel
{
    public QrnnLanguageModel(QuantumCircuit circuit, int vocabulary, int embedding, int hidden, int feedback, ControllerActivation activation,
        double dropout = 0.0, Generator? generator = null, int checkpointInterval = QuantumMemory.DefaultCheckpointInterval,
        bool tieWeights = false, Generator? dropoutGenerator = null)
    {
        if (vocabulary < 2 || embedding < 1 || feedback < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabulary), $"expected a vocabulary of at least 2 and positive sizes; got vocabulary {vocabulary}, embedding {embedding}, feedback {feedback}.");
        }

        if (tieWeights && feedback != embedding)
        {
            throw new ArgumentException($"tied weights need the feedback width ({feedback}) to equal the embedding width ({embedding}).", nameof(feedback));
        }

        Vocabulary = vocabulary;
        Embedding = RegisterModule("embedding", new Embedding(vocabulary, embedding, generator: generator));
        Cell = RegisterModule("cell", new QrnnCell(circuit, embedding, hidden, activation, dropout, DType.Float32, generator, checkpointInterval, feedback, dropoutGenerator));
        Feedforward = RegisterModule("feedforward", new Linear(Cell.ReadoutSize, feedback, generator: generator));
        if (tieWeights)
        {
            // N(0, 1) rows would give logits of spread √E through the tied decoder; ±0.1 as in PyTorch's word_language_model.
            Init.Uniform_(Embedding.Weight, -0.1, 0.1, generator);
            Decoder = RegisterModule("decoder", new TiedDecoder(Embedding));
        }
        else
        {
            Decoder = RegisterModule("decoder", new Linear(feedback, vocabulary, generator: generator));
        }
    }

    public int Vocabulary { get; }
    public Embedding Embedding { get; }
    public QrnnCell Cell { get; }
    public Linear Feedforward { get; }
    public Module<Tensor, Tensor> Decoder { get; }

    /// <summary>tokens [B, T] (int64) → logits [B, T, V] and the state to continue from.</summary>
    public (Tensor Logits, LanguageModelState State) Forward(Tensor tokens, LanguageModelState? state = null)
    {
        if (tokens.Dim != 2)
        {
            throw new ArgumentException($"tokens have shape [{string.Join(", ", tokens.Shape)}]; expected [batch, time].", nameof(tokens));
        }

        int batch = tokens.Size(0);
        var sequence = state?.Sequence ?? Cell.Memory.Begin(batch);
        var feedback = state?.Feedback ?? Torch.Zeros(new[] { batch, Cell.FeedbackSize });
        var embedded = Embedding.Forward(tokens).Unbind(1);
        var outputs = new List<Tensor>(tokens.Size(1));
        for (int t = 0; t < tokens.Size(1); t++)
        {
            var z = Cell.Step(sequence, feedback, embedded[t]);
            feedback = Functional.Tanh(Feedforward.Forward(z));
            outputs.Add(feedback);
        }

        var logits = Decoder.Forward(Torch.Stack(outputs, dim: 1));
        // The next chunk starts from this state, detached: truncated backpropagation through time. The
        // continuation is taken now, before this chunk's backward pass uncomputes the state.
        return (logits, new LanguageModelState(sequence.Continue(), feedback.Detach()));
    }

    (Tensor Logits, object State) IChunkedLanguageModel.Forward(Tensor tokens, object? state) => Forward(tokens, (LanguageModelState?)state);
}

/// <summary>Where a language model stopped: a quantum sequence continuing from its last state (not back-propagated into) and the last feedback.</summary>
public sealed record LanguageModelState(QuantumSequence Sequence, Tensor Feedback);
