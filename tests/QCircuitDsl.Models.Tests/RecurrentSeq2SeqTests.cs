using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Models.Translation;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class RecurrentSeq2SeqTests
{
    private static Tensor Source => Torch.Tensor(new long[] { 1, 2, 3, 0, 4, 5, 0, 0 }, 2, 4);
    private static Tensor Mask => Torch.Tensor(new float[] { 1, 1, 1, 0, 1, 1, 0, 0 }, 2, 4);
    private static Tensor Target => Torch.Tensor(new long[] { 0, 1, 2, 0, 3, 4 }, 2, 3);

    private static RecurrentSeq2Seq Model(RecurrentKind kind, int targetVocabulary = 5, long seed = 2) =>
        new(kind, sourceVocabulary: 6, targetVocabulary, embedding: 4, hidden: 5, attention: 3, generator: new Generator(seed));

    [Theory]
    [InlineData(RecurrentKind.Rnn)]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void The_count_formula_matches_the_model(RecurrentKind kind)
    {
        var model = Model(kind);
        Assert.Equal(RecurrentSeq2Seq.CountWithoutEmbeddings(kind, 4, 5, 3, 5), ParameterCounts.WithoutEmbeddings(model));
        Assert.Equal(ParameterCounts.WithoutEmbeddings(model) + 6 * 4 + 5 * 4, ParameterCounts.Total(model));
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Teacher_forcing_gives_logits_per_step_and_padding_changes_nothing(RecurrentKind kind)
    {
        var model = Model(kind);
        var a = model.Forward(Source, Mask, Target);
        Assert.Equal(new[] { 2, 3, 5 }, a.Shape.ToArray());
        // Padded source positions are masked from attention and the bridge reads the last real token, so
        // rewriting them leaves every logit of both examples unchanged.
        var other = Torch.Tensor(new long[] { 1, 2, 3, 5, 4, 5, 3, 1 }, 2, 4);
        Assert.Equal(a.ToArray<float>(), model.Forward(other, Mask, Target).ToArray<float>());
    }

    [Fact]
    public void The_qrnn_bridge_reads_the_last_real_source_token_too()
    {
        var model = new QrnnSeq2Seq(new Sim14(n: 2), new Sim14(n: 2), 6, 5, 4, 6, ControllerActivation.Glu, attention: 5, generator: new Generator(2));
        var other = Torch.Tensor(new long[] { 1, 2, 3, 5, 4, 5, 3, 1 }, 2, 4);
        var a = model.Forward(Source, Mask, Target).ToArray<float>();
        var b = model.Forward(other, Mask, Target).ToArray<float>();
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i], 5);
        }
    }

    [Fact]
    public void Baseline_gradients_match_finite_differences_through_attention_and_bridge()
    {
        var model = Model(RecurrentKind.Lstm, seed: 4);
        model.Double();
        var mask = Torch.Tensor(new double[] { 1, 1, 1, 0, 1, 1, 0, 0 }, 2, 4);
        var report = GradCheck.Check(_ => model.Forward(Source, mask, Target), model.Parameters().Cast<Tensor>().ToArray(), atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Beam_of_one_is_greedy_and_an_exhaustive_beam_finds_the_most_probable_sequence()
    {
        var model = Model(RecurrentKind.Lstm, targetVocabulary: 3, seed: 5);
        model.Eval();
        Assert.Equal(
            BeamSearch.Greedy(model, Source, Mask, bos: 0, eos: 2, maxLength: 5),
            BeamSearch.Decode(model, Source, Mask, bos: 0, eos: 2, maxLength: 5, beam: 1, lengthPenalty: 0));

        var source = Source.Narrow(0, 1, 1);
        var mask = Mask.Narrow(0, 1, 1);
        var best = BeamSearch.Decode(model, source, mask, bos: 0, eos: -1, maxLength: 2, beam: 9, lengthPenalty: 0)[0];
        var expected = ExhaustiveDecoding.MostProbablePairOfThree(model, source, mask);

        Assert.Equal(expected, best);
    }

    [Fact]
    public void The_matched_hidden_size_is_the_closest_one()
    {
        long target = 9876;
        int h = RecurrentSeq2Seq.HiddenForParameterCount(RecurrentKind.Gru, 8, 6, 40, target);
        long Gap(int hidden) => Math.Abs(RecurrentSeq2Seq.CountWithoutEmbeddings(RecurrentKind.Gru, 8, hidden, 6, 40) - target);
        Assert.True(Gap(h) <= Gap(h - 1) && Gap(h) <= Gap(h + 1), $"hidden {h}");
    }
}
