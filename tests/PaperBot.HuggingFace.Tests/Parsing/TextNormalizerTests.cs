using PaperBot.HuggingFace.Parsing;

namespace PaperBot.HuggingFace.Tests.Parsing;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("one\ntwo", "one two")]
    [InlineData("one  \r\n  two\r\nthree", "one two three")]
    [InlineData("para one\n\npara two", "para one\n\npara two")]
    [InlineData("para one\n   \n\n  para two\n", "para one\n\npara two")]
    [InlineData("state-of-the-\nart", "state-of-the-art")]
    [InlineData("from A -\nto B", "from A - to B")]
    [InlineData("$x \\in\n\\mathbb{R}$", "$x \\in \\mathbb{R}$")]
    [InlineData("\n\n  lead and trail  \n\n", "lead and trail")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void FoldAbstract_HardWrappedText_FoldsLinesAndKeepsParagraphs(string? input, string expected) =>
        Assert.Equal(expected, TextNormalizer.FoldAbstract(input));

    [Theory]
    [InlineData("  a \t b\nc  ", "a b c")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void CollapseWhitespace_AnyWhitespace_BecomesSingleSpaces(string? input, string? expected) =>
        Assert.Equal(expected, TextNormalizer.CollapseWhitespace(input));

    [Theory]
    [InlineData("<html>", "Html")]
    [InlineData("\uFEFF\n  <!doctype html>", "Html")]
    [InlineData(" [", "Json")]
    [InlineData("{\"a\":1}", "Json")]
    [InlineData("oops", "Unknown")]
    [InlineData("", "Unknown")]
    public void Detect_BodyStart_TellsHtmlFromJson(string body, string expected) =>
        Assert.Equal(Enum.Parse<BodyFormat>(expected), BodyFormats.Detect(body));
}
