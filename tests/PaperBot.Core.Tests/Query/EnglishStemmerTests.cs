using PaperBot.Core.Query;

namespace PaperBot.Core.Tests.Query;

public sealed class EnglishStemmerTests
{
    [Theory]
    // Inflections meet: plurals, -ed, -ing, y/ies, the final e.
    [InlineData("agent agents", "agent")]
    [InlineData("reason reasons reasoning reasoned", "reason")]
    [InlineData("model models modeling modelling modeled", "model")]
    [InlineData("generate generates generated generating", "generat")]
    [InlineData("plan plans planned planning", "plan")]
    [InlineData("study studies studied studying", "studi")]
    [InlineData("query queries", "queri")]
    [InlineData("embed embeds embedded embedding embeddings", "embed")]
    [InlineData("make makes making", "make")]
    [InlineData("code codes coding coded", "code")]
    [InlineData("scale scales scaled scaling", "scale")]
    [InlineData("tokenize tokenized tokenizing tokenizes", "tokeniz")]
    [InlineData("improve improves improved improving", "improv")]
    [InlineData("class classes", "class")]
    [InlineData("box boxes", "box")]
    [InlineData("search searches searched searching", "search")]
    [InlineData("cache caches caching", "cach")]
    [InlineData("llm llms", "llm")]
    [InlineData("day days", "day")]
    [InlineData("tie ties", "tie")]
    public void Stem_Inflections_MeetAtOneStem(string words, string stem)
    {
        Assert.All(words.Split(' '), word => Assert.Equal(stem, EnglishStemmer.Stem(word)));
    }

    [Theory]
    // Words that must stay apart, although a suffix stripper would join them.
    [InlineData("agentic", "agent")]
    [InlineData("news", "new")]
    [InlineData("means", "mean")]
    [InlineData("plane", "plan")]
    [InlineData("hope", "hop")]
    [InlineData("note", "not")]
    [InlineData("rate", "rat")]
    [InlineData("generation", "generate")]
    [InlineData("transformer", "transform")]
    [InlineData("reagent", "agent")]
    [InlineData("evening", "even")]
    public void Stem_DifferentWords_StayApart(string a, string b)
    {
        Assert.NotEqual(EnglishStemmer.Stem(a), EnglishStemmer.Stem(b));
    }

    [Theory]
    // Three letters or fewer, words with digits or non-ASCII letters, and words a rule would cut below three
    // letters (or leave without a vowel) are returned as they are.
    [InlineData("gas")]
    [InlineData("its")]
    [InlineData("has")]
    [InlineData("bus")]
    [InlineData("used")]
    [InlineData("being")]
    [InlineData("string")]
    [InlineData("bring")]
    [InlineData("speed")]
    [InlineData("need")]
    [InlineData("gpt4s")]
    [InlineData("3ds")]
    [InlineData("λέξεις")]
    [InlineData("corpus")]
    [InlineData("status")]
    [InlineData("analysis")]
    [InlineData("bias")]
    [InlineData("class")]
    public void Stem_ShortOrProtectedWord_IsUnchanged(string word)
    {
        Assert.Equal(word, EnglishStemmer.Stem(word));
    }
}
