namespace QCircuitDsl.Cli.Tests;

/// <summary>Every way a text corpus can be missing or malformed: exit 2 and one error naming the file (and line) and what was expected.</summary>
public sealed class TextTaskDataErrorTests
{
    private static CliRun Train(string task, string data, TempDir dir) =>
        Cli.Run("train", "qrnn", "--task", task, "--data", data, "--qubits", "3", "--hidden", "4", "--embedding", "4", "--batch", "10", "--epochs", "1", "--out", Path.Combine(dir.Path, "run"));

    [Theory]
    [InlineData("imdb", "the aclImdb folder")]
    [InlineData("ptb", "ptb.train.txt, ptb.valid.txt and ptb.test.txt")]
    [InlineData("multi30k", "train.de, train.en, test_2016_flickr.de and test_2016_flickr.en")]
    public void A_text_task_without_data_names_what_it_needs(string task, string expected)
    {
        using var dir = new TempDir();
        var run = Cli.Run("train", "qrnn", "--task", task, "--out", Path.Combine(dir.Path, "run"));
        Cli.AssertUserError(run, 2, $"task {task} needs --data");
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void Imdb_without_a_split_folder()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), 3, 3);
        Directory.Delete(Path.Combine(data, "aclImdb", "test"), recursive: true);
        Cli.AssertUserError(Train("imdb", data, dir), 2, Path.Combine(data, "aclImdb", "test") + ": IMDB split folder not found (expected aclImdb/{train,test}/{pos,neg})");
    }

    [Fact]
    public void Imdb_without_a_class_folder()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), 3, 3);
        Directory.Delete(Path.Combine(data, "aclImdb", "train", "neg"), recursive: true);
        Cli.AssertUserError(Train("imdb", data, dir), 2, Path.Combine(data, "aclImdb", "train", "neg") + ": IMDB class folder not found");
    }

    [Fact]
    public void Imdb_with_an_empty_class_folder()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), 3, 3);
        foreach (var file in Directory.GetFiles(Path.Combine(data, "aclImdb", "test", "pos")))
        {
            File.Delete(file);
        }

        Cli.AssertUserError(Train("imdb", data, dir), 2, Path.Combine(data, "aclImdb", "test", "pos") + ": no .txt reviews found");
    }

    [Fact]
    public void Imdb_with_an_empty_review()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), 3, 3);
        var file = Path.Combine(data, "aclImdb", "train", "neg", "1_2.txt");
        File.WriteAllText(file, "  \n");
        Cli.AssertUserError(Train("imdb", data, dir), 2, file + ": the review is empty; expected its text");
    }

    [Fact]
    public void Imdb_with_a_binary_review_names_the_line()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Imdb(Path.Combine(dir.Path, "imdb"), 3, 3);
        var file = Path.Combine(data, "aclImdb", "test", "pos", "2_8.txt");
        File.WriteAllText(file, "fine\nfil\0m\n");
        Cli.AssertUserError(Train("imdb", data, dir), 2, file + ": line 2 contains a NUL character; expected a UTF-8 text review");
    }

    [Theory]
    [InlineData("ptb", "ptb.test.txt", ": PTB file not found")]
    [InlineData("multi30k", "test_2016_flickr.en", ": parallel corpus file not found")]
    public void A_missing_corpus_file_is_named(string task, string file, string message)
    {
        using var dir = new TempDir();
        var data = Corpus(task, dir);
        File.Delete(Path.Combine(data, file));
        Cli.AssertUserError(Train(task, data, dir), 2, Path.Combine(data, file) + message);
    }

    [Fact]
    public void Ptb_without_its_folder()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nowhere");
        Cli.AssertUserError(Train("ptb", missing, dir), 2, missing + ": PTB folder not found");
    }

    /// <summary>One corpus file replaced by <paramref name="contents"/>: the error names that file (and line) and what is wrong.</summary>
    [Theory]
    [InlineData("ptb", "ptb.valid.txt", "", ": file is empty")]
    [InlineData("ptb", "ptb.test.txt", "\n  \n\n", ": none of its 3 lines holds a word")]
    [InlineData("ptb", "ptb.train.txt", " the cat \n a dog \n the <bos> cat \n", ": line 3 contains the reserved token <bos>; expected ordinary words (and <unk>) only")]
    [InlineData("ptb", "ptb.train.txt", " the cat \n a dog \n the <pad> cat \n", ": line 3 contains the reserved token <pad>; expected ordinary words (and <unk>) only")]
    [InlineData("ptb", "ptb.train.txt", " the cat \n a dog \n the <eos> cat \n", ": line 3 contains the reserved token <eos>; expected ordinary words (and <unk>) only")]
    [InlineData("ptb", "ptb.train.txt", " the cat \n a d\0og \n", ": line 2 contains a NUL character")]
    [InlineData("ptb", "ptb.test.txt", " the cat \n", ": 3 tokens cannot fill 10 columns of at least 2 tokens")]
    [InlineData("multi30k", "train.de", "", ": file is empty")]
    public void A_malformed_corpus_file_is_named(string task, string file, string contents, string message)
    {
        using var dir = new TempDir();
        var data = Corpus(task, dir);
        File.WriteAllText(Path.Combine(data, file), contents);
        Cli.AssertUserError(Train(task, data, dir), 2, Path.Combine(data, file) + message);
    }

    private static string Corpus(string task, TempDir dir) => task switch
    {
        "ptb" => TextCorpora.Ptb(Path.Combine(dir.Path, "ptb"), 40, 20),
        "multi30k" => TextCorpora.Multi30k(Path.Combine(dir.Path, "m"), 20, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    [Fact]
    public void Multi30k_with_misaligned_files()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Multi30k(Path.Combine(dir.Path, "m"), 20, 5);
        File.AppendAllText(Path.Combine(data, "train.en"), "One more.\n");
        var run = Train("multi30k", data, dir);
        Cli.AssertUserError(run, 2, Path.Combine(data, "train.de") + ": line count mismatch: 20 lines here but 21 in " + Path.Combine(data, "train.en"));
    }

    [Fact]
    public void Multi30k_with_an_empty_line_names_it()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Multi30k(Path.Combine(dir.Path, "m"), 20, 5);
        var en = Path.Combine(data, "test_2016_flickr.en");
        var lines = File.ReadAllLines(en);
        lines[3] = "";
        File.WriteAllLines(en, lines);
        Cli.AssertUserError(Train("multi30k", data, dir), 2, en + ": line 4 is empty; expected one sentence per line, aligned with " + Path.Combine(data, "test_2016_flickr.de"));
    }

    [Theory]
    [InlineData("--beam", "0", "--beam 0 is not allowed; expected a positive number")]
    [InlineData("--embedding", "-3", "--embedding -3 is not allowed")]
    [InlineData("--bptt", "0", "--bptt 0 is not allowed")]
    [InlineData("--dropout", "1", "--dropout 1 is not allowed; expected a probability in [0, 1)")]
    [InlineData("--vocabulary", "3", "--vocabulary 3 leaves no room for words")]
    public void Bad_text_options_are_refused_before_reading_data(string option, string value, string message)
    {
        using var dir = new TempDir();
        var run = Cli.Run("train", "qrnn", "--task", "ptb", "--data", Path.Combine(dir.Path, "none"), option, value, "--out", Path.Combine(dir.Path, "run"));
        Cli.AssertUserError(run, 2, message);
    }
}

public sealed class TextTaskInterchangeTests
{
    [Fact]
    public void Interchange_refuses_a_text_run_by_name()
    {
        using var dir = new TempDir();
        var data = TextCorpora.Ptb(Path.Combine(dir.Path, "ptb"), 40, 20);
        var runDir = Path.Combine(dir.Path, "run");
        Assert.Equal(0, Cli.Run("train", "qrnn", "--task", "ptb", "--data", data, "--qubits", "2", "--hidden", "4", "--embedding", "4", "--batch", "5", "--epochs", "1", "--out", runDir).ExitCode);
        var run = Cli.Run("interchange", "--run", runDir, "--weights", Path.Combine(runDir, "last.safetensors"), "--inputs", Path.Combine(runDir, "last.safetensors"), "-o", Path.Combine(dir.Path, "o"));
        Cli.AssertUserError(run, 2, "is a Ptb run, whose inputs are token ids");
    }
}
