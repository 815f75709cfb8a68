using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class ImdbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteFixture()
    {
        _dir.WriteText("aclImdb/train/pos/10_9.txt", "Great.<br /><br />Loved it");
        _dir.WriteText("aclImdb/train/pos/2_7.txt", "Fine<BR/>film");
        _dir.WriteText("aclImdb/train/neg/0_1.txt", "Awful<br>acting");
        _dir.WriteText("aclImdb/train/unsup/0_0.txt", "ignored");
        _dir.WriteText("aclImdb/train/pos/notes.md", "ignored, not .txt");
        _dir.WriteText("aclImdb/test/pos/0_10.txt", "Yes");
        _dir.WriteText("aclImdb/test/neg/0_2.txt", "No");
    }

    [Fact]
    public void Reads_pos_then_neg_sorted_by_numeric_id_with_breaks_stripped()
    {
        WriteFixture();

        var train = Imdb.Load(_dir.Path, train: true);

        Assert.Equal(new[] { "Fine film", "Great.  Loved it", "Awful acting" }, train.Select(r => r.Text));
        Assert.Equal(new[] { 1, 1, 0 }, train.Select(r => r.Label));
        Assert.Equal(new int?[] { 7, 9, 1 }, train.Select(r => r.Rating));
    }

    [Fact]
    public void Accepts_aclImdb_folder_itself_and_test_split()
    {
        WriteFixture();

        var test = Imdb.Load(Path.Combine(_dir.Path, "aclImdb"), train: false);

        Assert.Equal(new[] { ("Yes", 1), ("No", 0) }, test.Select(r => (r.Text, r.Label)));
    }

    [Fact]
    public void Missing_or_empty_class_folder_is_reported()
    {
        _dir.WriteText("aclImdb/train/pos/1_8.txt", "ok");
        var missing = Assert.Throws<DirectoryNotFoundException>(() => Imdb.Load(_dir.Path, train: true));
        Assert.Contains(Path.Combine("train", "neg"), missing.Message);

        Directory.CreateDirectory(Path.Combine(_dir.Path, "aclImdb", "train", "neg"));
        var empty = Assert.Throws<DataFormatException>(() => Imdb.Load(_dir.Path, train: true));
        Assert.Contains(Path.Combine("train", "neg"), empty.Message);
        Assert.Contains("no .txt reviews", empty.Message);

        Assert.Throws<DirectoryNotFoundException>(() => Imdb.Load(_dir.Path, train: false));
    }
}

public class PtbCorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Appends_eos_per_line_like_word_language_model()
    {
        _dir.WriteText("ptb.train.txt", " the cat <unk> \n a  dog\n\n");
        _dir.WriteText("ptb.valid.txt", " the\n");
        _dir.WriteText("ptb.test.txt", " dog cat\n");

        var corpus = PtbCorpus.Load(_dir.Path);

        // The empty third line still contributes an <eos>, as Python's `line.split() + ['<eos>']` does.
        Assert.Equal(new[] { "the", "cat", "<unk>", "<eos>", "a", "dog", "<eos>", "<eos>" }, corpus.Train);
        Assert.Equal(new[] { "the", "<eos>" }, corpus.Valid);
        Assert.Equal(new[] { "dog", "cat", "<eos>" }, corpus.Test);

        var vocab = Vocabulary.Build(corpus.Train);
        Assert.Equal(new[] { "a", "cat", "dog", "the" }, vocab.Tokens.Skip(4));
    }

    [Fact]
    public void Missing_and_empty_files_are_reported()
    {
        _dir.WriteText("ptb.train.txt", "a\n");
        string valid = _dir.WriteText("ptb.valid.txt", "");
        _dir.WriteText("ptb.test.txt", "a\n");

        var e = Assert.Throws<DataFormatException>(() => PtbCorpus.Load(_dir.Path));
        Assert.Contains(valid, e.Message);
        Assert.Contains("empty", e.Message);

        File.Delete(Path.Combine(_dir.Path, "ptb.test.txt"));
        var missing = Assert.Throws<FileNotFoundException>(() => PtbCorpus.ReadTokens(Path.Combine(_dir.Path, "ptb.test.txt")));
        Assert.Contains("ptb.test.txt", missing.Message);
    }
}

public class ParallelCorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(ParallelSplit.Train, "train")]
    [InlineData(ParallelSplit.Validation, "val")]
    [InlineData(ParallelSplit.Test, "test_2016_flickr")]
    public void Reads_multi30k_file_names(ParallelSplit split, string prefix)
    {
        _dir.WriteText($"{prefix}.de", "Ein Hund.\r\nZwei Katzen.\n");
        _dir.WriteText($"{prefix}.en", "A dog.\r\nTwo cats.\n");

        var pairs = ParallelCorpus.LoadMulti30k(_dir.Path, split);

        Assert.Equal(new[] { new SentencePair("Ein Hund.", "A dog."), new SentencePair("Zwei Katzen.", "Two cats.") }, pairs);
    }

    [Fact]
    public void Custom_prefix_and_direction()
    {
        _dir.WriteText("news.fr", "Bonjour\n");
        _dir.WriteText("news.en", "Hello\n");

        Assert.Equal(new SentencePair("Hello", "Bonjour"), Assert.Single(ParallelCorpus.Load(_dir.Path, "news", "en", "fr")));
    }

    [Fact]
    public void Line_count_mismatch_names_both_files()
    {
        string de = _dir.WriteText("train.de", "a\nb\nc\n");
        string en = _dir.WriteText("train.en", "a\nb\n");

        var e = Assert.Throws<DataFormatException>(() => ParallelCorpus.LoadMulti30k(_dir.Path, ParallelSplit.Train));
        Assert.Contains(de, e.Message);
        Assert.Contains(en, e.Message);
        Assert.Contains("3 lines", e.Message);
        Assert.Contains("2 in", e.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        _dir.WriteText("val.de", "a\n");
        var e = Assert.Throws<FileNotFoundException>(() => ParallelCorpus.LoadMulti30k(_dir.Path, ParallelSplit.Validation));
        Assert.Contains("val.en", e.Message);
    }
}

/// <summary>Malformed text files: each error names the file, the line where one applies, and what was expected.</summary>
public class TextCorpusFormatErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_empty_or_binary_imdb_review_is_named()
    {
        _dir.WriteText("aclImdb/train/pos/0_9.txt", "Fine");
        string empty = _dir.WriteText("aclImdb/train/neg/3_1.txt", " \n\t");
        var e = Assert.Throws<DataFormatException>(() => Imdb.Load(_dir.Path, train: true));
        Assert.Equal(empty, e.FilePath);
        Assert.Contains("the review is empty", e.Message);

        _dir.WriteText("aclImdb/train/neg/3_1.txt", "a\nb\nc\0");
        var binary = Assert.Throws<DataFormatException>(() => Imdb.Load(_dir.Path, train: true));
        Assert.Equal($"{empty}: line 3 contains a NUL character; expected a UTF-8 text review", binary.Message);
    }

    [Fact]
    public void Ptb_reserved_tokens_nul_characters_and_wordless_files_are_refused_with_the_line()
    {
        string path = _dir.WriteText("ptb.train.txt", " a b \n <unk> c \n d <pad> \n");
        Assert.Equal($"{path}: line 3 contains the reserved token <pad>; expected ordinary words (and <unk>) only",
            Assert.Throws<DataFormatException>(() => PtbCorpus.ReadTokens(path)).Message);

        _dir.WriteText("ptb.train.txt", "a\n\0\n");
        Assert.Contains("line 2 contains a NUL character", Assert.Throws<DataFormatException>(() => PtbCorpus.ReadTokens(path)).Message);

        _dir.WriteText("ptb.train.txt", "\n \n");
        Assert.Equal($"{path}: none of its 2 lines holds a word; expected one tokenised sentence per line",
            Assert.Throws<DataFormatException>(() => PtbCorpus.ReadTokens(path)).Message);

        _dir.WriteText("ptb.train.txt", " <unk> a \n");
        Assert.Equal(new[] { "<unk>", "a", "<eos>" }, PtbCorpus.ReadTokens(path));
    }

    [Fact]
    public void An_empty_line_in_a_parallel_corpus_is_named_with_its_side()
    {
        string de = _dir.WriteText("train.de", "ein hund\n\nzwei\n");
        string en = _dir.WriteText("train.en", "a dog\none\ntwo\n");
        var e = Assert.Throws<DataFormatException>(() => ParallelCorpus.LoadMulti30k(_dir.Path, ParallelSplit.Train));
        Assert.Equal($"{de}: line 2 is empty; expected one sentence per line, aligned with {en}", e.Message);

        _dir.WriteText("train.de", "ein hund\neins\nzwei\n");
        _dir.WriteText("train.en", "a dog\none\n  \n");
        var target = Assert.Throws<DataFormatException>(() => ParallelCorpus.LoadMulti30k(_dir.Path, ParallelSplit.Train));
        Assert.Equal(en, target.FilePath);
        Assert.Contains("line 3 is empty", target.Message);
    }
}
