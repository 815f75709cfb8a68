using QCircuitDsl.Models.LanguageModel;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class RecurrentLanguageModelTests
{
    private static readonly Tensor Tokens = Torch.Tensor(new long[] { 1, 4, 2, 3, 5, 0, 6, 2, 2, 1, 3, 4 }, 2, 6);

    [Theory]
    [InlineData(RecurrentKind.Rnn, false)]
    [InlineData(RecurrentKind.Lstm, true)]
    [InlineData(RecurrentKind.Gru, true)]
    [InlineData(RecurrentKind.Lstm, false)]
    public void The_count_formula_matches_the_model(RecurrentKind kind, bool tied)
    {
        var model = new RecurrentLanguageModel(kind, vocabulary: 11, embedding: 5, hidden: 7, feedback: tied ? 5 : 3, tieWeights: tied);
        Assert.Equal(RecurrentLanguageModel.CountWithoutEmbedding(kind, 5, 7, tied ? 5 : 3, 11, tied), ParameterCounts.WithoutEmbeddings(model));
        Assert.Equal(ParameterCounts.WithoutEmbeddings(model) + 11 * 5, ParameterCounts.Total(model));
    }

    [Fact]
    public void The_matched_hidden_size_is_the_closest_one()
    {
        long target = 4321;
        int h = RecurrentLanguageModel.HiddenForParameterCount(RecurrentKind.Lstm, 8, 8, 50, tieWeights: true, target);
        long Gap(int hidden) => Math.Abs(RecurrentLanguageModel.CountWithoutEmbedding(RecurrentKind.Lstm, 8, hidden, 8, 50, true) - target);
        Assert.True(Gap(h) <= Gap(h - 1) && Gap(h) <= Gap(h + 1), $"hidden {h}");
    }

    [Fact]
    public void A_tied_decoder_is_the_transposed_embedding_plus_a_bias()
    {
        var g = new Generator(2);
        var embedding = new Embedding(6, 3, generator: g);
        var decoder = new TiedDecoder(embedding);
        using (Torch.NoGrad())
        {
            decoder.Bias.Uniform_(-1, 1, g);
        }

        var o = Torch.Randn(new[] { 2, 3 }, g);
        var logits = decoder.Forward(o).ToArray<float>();
        var e = embedding.Weight.ToArray<float>();
        var b = decoder.Bias.ToArray<float>();
        var x = o.ToArray<float>();
        for (int r = 0; r < 2; r++)
        {
            for (int v = 0; v < 6; v++)
            {
                double expected = b[v] + Enumerable.Range(0, 3).Sum(k => (double)x[r * 3 + k] * e[v * 3 + k]);
                Assert.Equal(expected, logits[r * 6 + v], 5);
            }
        }

        Assert.Equal(new[] { "bias" }, decoder.NamedParameters().Select(p => p.Name));
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Two_chunks_with_the_carried_state_equal_one_pass(RecurrentKind kind)
    {
        var model = new RecurrentLanguageModel(kind, 7, 4, 5, 4, dropout: 0.3, generator: new Generator(5), tieWeights: true);
        model.Eval();
        var (whole, _) = model.Forward(Tokens);
        var (first, state) = model.Forward(Tokens.Narrow(1, 0, 4));
        var (second, _) = model.Forward(Tokens.Narrow(1, 4, 2), state);
        Assert.Equal(whole.ToArray<float>(), Torch.Cat(new[] { first, second }, dim: 1).ToArray<float>());
        Assert.All(state, s => Assert.False(s.RequiresGrad));
    }

    [Fact]
    public void The_qrnn_language_model_continues_its_quantum_state_across_chunks()
    {
        var model = new QrnnLanguageModel(new Sim14(n: 2), 7, 4, 6, feedback: 4, ControllerActivation.LeakyRelu, generator: new Generator(6), tieWeights: true);
        model.Eval();
        using var _ = Torch.NoGrad();
        var (whole, _) = model.Forward(Tokens);
        var (first, state) = model.Forward(Tokens.Narrow(1, 0, 3));
        var (second, _) = model.Forward(Tokens.Narrow(1, 3, 3), state);
        var expected = whole.ToArray<float>();
        var actual = Torch.Cat(new[] { first, second }, dim: 1).ToArray<float>();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }

        Assert.Equal(ParameterCounts.Total(model) - 7 * 4, ParameterCounts.WithoutEmbeddings(model));
        Assert.DoesNotContain(model.NamedParameters(), p => p.Name == "decoder.weight");
    }

    [Fact]
    public void Baseline_gradients_match_finite_differences_with_a_tied_decoder()
    {
        var model = new RecurrentLanguageModel(RecurrentKind.Lstm, 7, 3, 4, 3, generator: new Generator(9), tieWeights: true);
        model.Double();
        var report = GradCheck.Check(_ => model.Forward(Tokens.Narrow(1, 0, 3)).Logits, model.Parameters().Cast<Tensor>().ToArray(), atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Tying_needs_equal_widths()
    {
        var e = Assert.Throws<ArgumentException>(() => new RecurrentLanguageModel(RecurrentKind.Rnn, 7, 4, 5, 3, tieWeights: true));
        Assert.Contains("feedforward width (3) to equal the embedding width (4)", e.Message);
        var q = Assert.Throws<ArgumentException>(() => new QrnnLanguageModel(new Sim14(n: 2), 7, 4, 5, 3, ControllerActivation.Relu, tieWeights: true));
        Assert.Contains("feedback width (3) to equal the embedding width (4)", q.Message);
    }
}
