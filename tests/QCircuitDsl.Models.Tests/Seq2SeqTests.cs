using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Translation;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class Seq2SeqTests
{
    private static QrnnSeq2Seq Model(int targetVocabulary = 5, long seed = 2) =>
        new(new Sim14(n: 2), new Sim14(n: 2), sourceVocabulary: 6, targetVocabulary, embedding: 4, hidden: 6, ControllerActivation.Glu, attention: 5, generator: new Generator(seed));

    private static Tensor Source => Torch.Tensor(new long[] { 1, 2, 3, 0, 4, 5, 0, 0 }, 2, 4);
    private static Tensor Mask => Torch.Tensor(new float[] { 1, 1, 1, 0, 1, 1, 0, 0 }, 2, 4);

    [Fact]
    public void Teacher_forcing_gives_logits_per_target_step_and_gradients_reach_the_encoder()
    {
        var model = Model();
        var logits = model.Forward(Source, Mask, Torch.Tensor(new long[] { 0, 1, 2, 0, 3, 4 }, 2, 3));
        Assert.Equal(new[] { 2, 3, 5 }, logits.Shape.ToArray());
        Functional.CrossEntropy(logits, Torch.Tensor(new long[] { 1, 2, 4, 3, 4, 4 }, 2, 3), classDim: -1).Backward();
        var named = model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        Assert.Contains(named["encoder.controller.fc1.weight"].Grad!.ToArray<float>(), g => g != 0);
        Assert.Contains(named["attention.score.weight"].Grad!.ToArray<float>(), g => g != 0);
    }

    [Fact]
    public void Padding_does_not_change_the_translation()
    {
        var model = Model();
        var target = Torch.Tensor(new long[] { 0, 1, 2, 0, 3, 4 }, 2, 3);
        var a = model.Forward(Source, Mask, target).ToArray<float>();
        // Change only the padded positions of the second example; the mask hides them from attention.
        var other = Torch.Tensor(new long[] { 1, 2, 3, 0, 4, 5, 3, 1 }, 2, 4);
        var b = model.Forward(other, Mask, target).ToArray<float>();
        // The encoder reads padded steps only after the real ones, attention masks them and the bridge reads the
        // last real token, so both examples are unchanged; the attention weights on padding must be exactly zero.
        Assert.Equal(a, b);
        using var _ = Torch.NoGrad();
        var encoded = model.Encode(Source, Mask);
        var (_, weights) = model.Attention.Attend(encoded.FirstFeedback, encoded.Keys, encoded.ProjectedKeys, encoded.Mask);
        var w = weights.ToArray<float>();
        Assert.Equal(0f, w[3]);
        Assert.Equal(0f, w[6]);
        Assert.Equal(0f, w[7]);
        Assert.Equal(1.0, w.Take(4).Sum(), 5);
    }

    [Fact]
    public void Beam_of_one_is_greedy_decoding()
    {
        var model = Model();
        var greedy = BeamSearch.Greedy(model, Source, Mask, bos: 0, eos: 4, maxLength: 6);
        var beam1 = BeamSearch.Decode(model, Source, Mask, bos: 0, eos: 4, maxLength: 6, beam: 1, lengthPenalty: 0);
        Assert.Equal(greedy, beam1);
    }

    [Fact]
    public void An_exhaustive_beam_finds_the_most_probable_sequence()
    {
        // Vocabulary 3 and length 2: a beam of 9 keeps every sequence, so it must return the argmax of the
        // model's probability, computed here by teacher forcing each of the 9 sequences.
        var model = Model(targetVocabulary: 3, seed: 5);
        var source = Source.Narrow(0, 0, 1);
        var mask = Mask.Narrow(0, 0, 1);
        var best = BeamSearch.Decode(model, source, mask, bos: 0, eos: -1, maxLength: 2, beam: 9, lengthPenalty: 0)[0];
        var expected = ExhaustiveDecoding.MostProbablePairOfThree(model, source, mask);

        Assert.Equal(expected, best);
    }

    [Fact]
    public void A_reordered_decoder_state_refuses_to_run_backward()
    {
        var memory = new QuantumMemory(new Sim14(n: 2));
        var s = memory.Begin(2);
        var z = s.Step(Torch.Zeros(new[] { 2, 8 }).RequiresGrad_());
        s.Reorder(new[] { 1, 1 });
        Assert.Throws<InvalidOperationException>(() => z.Sum().Backward());
    }
}
