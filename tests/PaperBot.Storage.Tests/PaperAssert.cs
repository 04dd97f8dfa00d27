using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Storage.Tests;

/// <summary>Field-by-field comparison: record equality compares the list properties by reference.</summary>
internal static class PaperAssert
{
    public static void Same(Paper expected, Paper? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ArxivId, actual.ArxivId);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Abstract, actual.Abstract);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Organization, actual.Organization);
        SameInstant(expected.PublishedAt, actual.PublishedAt);
        Assert.Equal(expected.ListedOn, actual.ListedOn);
        Assert.Equal(expected.Upvotes, actual.Upvotes);
        Assert.Equal(expected.Comments, actual.Comments);
        Assert.Equal(expected.GithubRepo, actual.GithubRepo);
        Assert.Equal(expected.GithubStars, actual.GithubStars);
        Assert.Equal(expected.ProjectPage, actual.ProjectPage);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.ThumbnailUrl, actual.ThumbnailUrl);
    }

    public static void Same(Delivery expected, Delivery? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.ArxivId, actual.ArxivId);
        Assert.Equal(expected.Topics, actual.Topics);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Attempts, actual.Attempts);
        Assert.Equal(expected.LastError, actual.LastError);
        Assert.Equal(expected.MessageId, actual.MessageId);
        SameInstant(expected.CreatedAt, actual.CreatedAt);
        SameInstant(expected.SentAt, actual.SentAt);
    }

    /// <summary>DateTimeOffset equality ignores the offset; a store should keep it too.</summary>
    public static void SameInstant(DateTimeOffset? expected, DateTimeOffset? actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected?.Offset, actual?.Offset);
        Assert.Equal(expected?.Ticks, actual?.Ticks);
    }
}
