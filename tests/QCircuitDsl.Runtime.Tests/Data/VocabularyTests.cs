using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class VocabularyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Corpus = "b a c a b a d e e z Z".Split(' ');

    [Fact]
    public void Specials_first_then_frequency_desc_then_ordinal()
    {
        var vocab = Vocabulary.Build(Corpus);

        // a×3; b×2, e×2 (b < e); c, d, Z, z once each in ordinal order ("Z" < "c" < "d" < "z").
        Assert.Equal(new[] { "<pad>", "<unk>", "<bos>", "<eos>", "a", "b", "e", "Z", "c", "d", "z" }, vocab.Tokens);
        Assert.Equal(0, vocab.GetId("<pad>"));
        Assert.Equal(1, vocab.GetId("<unk>"));
        Assert.Equal(2, vocab.GetId("<bos>"));
        Assert.Equal(3, vocab.GetId("<eos>"));
    }

    [Fact]
    public void Order_does_not_depend_on_input_order()
    {
        Assert.Equal(Vocabulary.Build(Corpus).Tokens, Vocabulary.Build(Corpus.Reverse()).Tokens);
    }

    [Fact]
    public void Min_frequency_drops_rare_tokens_to_unk()
    {
        var vocab = Vocabulary.Build(Corpus, minFrequency: 2);

        Assert.Equal(new[] { "a", "b", "e" }, vocab.Tokens.Skip(4));
        Assert.Equal(Vocabulary.UnknownId, vocab.GetId("c"));
    }

    [Fact]
    public void Max_size_counts_specials_and_keeps_most_frequent()
    {
        var vocab = Vocabulary.Build(Corpus, maxSize: 6);

        Assert.Equal(6, vocab.Count);
        Assert.Equal(new[] { "a", "b" }, vocab.Tokens.Skip(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(Corpus, maxSize: 3));
    }

    [Fact]
    public void Special_strings_in_text_map_to_special_ids_and_are_not_counted()
    {
        var vocab = Vocabulary.Build(["the", "<unk>", "<unk>", "<eos>", "the"]);

        Assert.Equal(5, vocab.Count);
        Assert.Equal(new[] { Vocabulary.UnknownId, 4, Vocabulary.EndId }, vocab.Encode(["<unk>", "the", "<eos>"]));
    }

    [Fact]
    public void Encode_and_decode_round_trip_with_bos_eos()
    {
        var vocab = Vocabulary.Build(Corpus);
        int[] ids = vocab.Encode(["a", "zzz", "b"], addBegin: true, addEnd: true);

        Assert.Equal(new[] { 2, 4, 1, 5, 3 }, ids);
        Assert.Equal(new[] { "<bos>", "a", "<unk>", "b", "<eos>" }, vocab.Decode(ids));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocab.GetToken(99));
    }

    [Fact]
    public void Save_and_load_preserve_ids()
    {
        var vocab = Vocabulary.Build(Corpus);
        string path = Path.Combine(_dir.Path, "vocab.txt");
        vocab.Save(path);

        Assert.Equal(vocab.Tokens, Vocabulary.Load(path).Tokens);
    }

    [Fact]
    public void Load_rejects_file_without_specials_naming_it()
    {
        string path = _dir.WriteText("bad-vocab.txt", "hello\nworld\n");

        var e = Assert.Throws<DataFormatException>(() => Vocabulary.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("<pad>", e.Message);
    }
}
