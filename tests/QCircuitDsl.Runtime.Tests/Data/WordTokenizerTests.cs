using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class WordTokenizerTests
{
    [Theory]
    [InlineData("Hello, World!", new[] { "hello", "world" })]
    [InlineData("I don't like it's ending.", new[] { "i", "don't", "like", "it's", "ending" })]
    [InlineData("'quoted' students' rock'n'roll", new[] { "quoted", "students", "rock'n'roll" })]
    [InlineData("It\u2019s 10:30 -- 2x faster", new[] { "it's", "10", "30", "2x", "faster" })]
    [InlineData("Ünïcödé ÉTÉ", new[] { "ünïcödé", "été" })]
    [InlineData("  ...  ", new string[0])]
    [InlineData("a''b", new[] { "a", "b" })]
    public void Splits_on_non_alphanumerics_keeping_inner_apostrophes(string text, string[] expected)
    {
        Assert.Equal(expected, WordTokenizer.Tokenize(text));
    }

    [Fact]
    public void Lowercasing_ignores_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // Turkish culture lower-cases 'I' to dotless 'ı'; the tokenizer must not.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal(new[] { "istanbul", "i" }, WordTokenizer.Tokenize("ISTANBUL I"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
