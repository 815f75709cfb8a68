using QCircuitDsl.Models.Metrics;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Tasks;

/// <summary>The text task runs against independent references: one pass over whole columns for perplexity, the BLEU of the run's own translations.</summary>
public sealed class TextTaskRunTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "qcdsl-models-tests-" + Guid.NewGuid().ToString("N"));

    public TextTaskRunTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Words = { "the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran" };

    private string Ptb()
    {
        var rng = new Random(3);
        foreach (var (name, lines) in new[] { ("train", 30), ("valid", 3), ("test", 12) })
        {
            File.WriteAllLines(Path.Combine(_dir, $"ptb.{name}.txt"), Enumerable.Range(0, lines).Select(_ => " " + string.Join(' ', Enumerable.Range(0, rng.Next(2, 7)).Select(_ => Words[rng.Next(Words.Length)])) + " "));
        }

        return _dir;
    }

    [Theory]
    [InlineData("qrnn")]
    [InlineData("lstm")]
    public void Windowed_perplexity_with_the_carried_state_equals_one_pass_over_whole_columns(string model)
    {
        var settings = TaskSettings.For(TaskKind.Ptb) with { Model = model, Qubits = 2, Hidden = 5, Embedding = 4, Batch = 3, Bptt = 4, Dropout = 0.2, Epochs = 0 };
        var run = (LanguageModelRun)TaskRuns.Create(settings, Ptb(), outputDirectory: null, NullProgressReporter.Instance);
        var windowed = run.Trainer.Evaluate(run.Test);

        // Reference: every column in one forward pass, no windows, no carried state.
        var data = PtbData.Load(settings, _dir);
        int steps = data.Test.Length / 3;
        var ids = new long[3 * steps];
        for (int b = 0; b < 3; b++)
        {
            for (int t = 0; t < steps; t++)
            {
                ids[b * steps + t] = data.Test[b * steps + t];
            }
        }

        var columns = Torch.Tensor(ids, 3, steps);
        ((Module)run.Model).Eval();
        double nll;
        using (Torch.NoGrad())
        {
            var (logits, _) = run.Model.Forward(columns.Narrow(1, 0, steps - 1), null);
            nll = Functional.CrossEntropy(logits, columns.Narrow(1, 1, steps - 1), classDim: -1).ToDouble();
        }

        Assert.Equal(3 * (steps - 1), run.TestExamples);
        Assert.Equal(Math.Exp(nll), windowed.Perplexity!.Value, 4);
        Assert.True(run.ParameterCount < run.TotalParameterCount);
    }

    [Fact]
    public void Translations_are_greedy_decodes_and_references_are_the_full_tokenised_test_sentences()
    {
        var rng = new Random(5);
        foreach (var (prefix, count) in new[] { ("train", 12), ("test_2016_flickr", 7) })
        {
            var sentences = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, rng.Next(2, 7)).Select(_ => Words[rng.Next(Words.Length)]).ToList()).ToList();
            File.WriteAllLines(Path.Combine(_dir, prefix + ".en"), sentences.Select(s => char.ToUpperInvariant(s[0][0]) + string.Join(' ', s)[1..] + "."));
            File.WriteAllLines(Path.Combine(_dir, prefix + ".de"), sentences.Select(s => string.Join(' ', s.Select(w => w + "x"))));
        }

        var settings = TaskSettings.For(TaskKind.Multi30k) with { Qubits = 2, Hidden = 4, Embedding = 4, Batch = 3, MaxLength = 3, MinFrequency = 1, AttentionSize = 3, Epochs = 0 };
        var data = Multi30kData.Load(settings, _dir);
        // References straight from the file: lower case, punctuation dropped, and not cut to MaxLength.
        var references = File.ReadAllLines(Path.Combine(_dir, "test_2016_flickr.en")).Select(l => l.TrimEnd('.').ToLowerInvariant().Split(' ')).ToList();
        Assert.Equal(references, data.TestReferences.Select(r => r.ToArray()));
        Assert.Contains(references, r => r.Length > 3);
        Assert.All(data.TestSource, s => Assert.True(s.Length <= 3));

        var run = new TranslationRun(settings, data, outputDirectory: null, NullProgressReporter.Instance);
        var translations = run.Translate();
        Assert.True(run.Model.Training);
        run.Model.Eval();
        var expected = new List<string[]>();
        foreach (var batch in run.Test.GetBatches(0))
        {
            expected.AddRange(Translation.BeamSearch.Greedy(run.Model, batch.Source, batch.Mask, 2, 3, maxLength: 3)
                .Select(ids => ids.Select(id => data.TargetVocabulary.GetToken((int)id)).ToArray()));
        }

        Assert.Equal(expected, translations);
        Assert.Equal(CorpusBleu.Score(translations.Select(t => (IReadOnlyList<string>)t).ToList(), data.TestReferences), run.Bleu());
    }
}
