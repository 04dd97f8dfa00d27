using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class WordTokenizerTests
{
    [Theory]
    [InlineData("GPT-4o, Müller's ﬁne-tuning", "gpt 4o muller s fine tuning")]
    [InlineData("  title:foo  ", "title foo")]
    [InlineData("3D-Gaussian_Splatting (v2.1)", "3d gaussian splatting v2 1")]
    [InlineData("ＬＬＭ x²", "llm x2")]
    [InlineData("Ελληνικά ΛΈΞΗ", "ελληνικα λεξη")]
    [InlineData("?!", "")]
    [InlineData("", "")]
    public void Tokenize_Text_GivesFoldedWords(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', WordTokenizer.Tokenize(text)));
    }

    [Fact]
    public void Tokenize_LoneSurrogate_DoesNotThrow()
    {
        Assert.Equal("a b", string.Join(' ', WordTokenizer.Tokenize("a\uD800b")));
    }

    [Theory]
    [InlineData("Müller ÅNGSTRÖM ﬁ ℌ İstanbul ǅ")]
    [InlineData("x\uFDFA\u1E9E")]
    public void Fold_Twice_EqualsFoldOnce(string text)
    {
        var once = TextFolding.Fold(text);

        Assert.Equal(once, TextFolding.Fold(once));
    }
}
