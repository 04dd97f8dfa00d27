using PaperBot.Core.Papers;

namespace PaperBot.Core.Commands;

/// <summary>A paper of a <see cref="SubscriptionPreview"/>, with its closeness to the about: sentence when there is one.</summary>
public sealed record PreviewPaper(Paper Paper, float? Closeness);
