namespace PaperBot.Core.Presentation;

/// <summary>A channel's subscriptions with all their options, and why posting is paused if it is.</summary>
/// <param name="Paused">"Posting to this channel is paused: …", or null.</param>
/// <param name="Title">"This channel's subscriptions (3):", or what to say when there are none.</param>
public sealed record SubscriptionListView(string? Paused, string Title, IReadOnlyList<SubscriptionLineView> Lines);

/// <summary>One subscription: its id, its normalised query and its options in words (instant, digest time and zone, upvote floor).</summary>
public sealed record SubscriptionLineView(int Id, string Query, string Options);
