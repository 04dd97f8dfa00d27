using System.Collections.Concurrent;
using PaperBot.Core.Channels;
using PaperBot.Core.Commands;
using PaperBot.Core.Publishing;

namespace PaperBot.Testing;

/// <summary>A hand-written publisher that records what it was asked to post and answers as scripted per channel.</summary>
public sealed class RecordingPublisher(string platform = "test") : IChannelPublisher
{
    private readonly ConcurrentDictionary<string, Func<PublishOutcome?>> _behaviour = new();
    private readonly SemaphoreSlim _posted = new(0);
    private int _messages;

    public string Platform { get; } = platform;

    public ConcurrentQueue<PublishedMessage> Posts { get; } = new();

    /// <summary>Makes posts to <paramref name="channel"/> answer <paramref name="outcome"/> instead of succeeding.</summary>
    public void Answer(ChannelRef channel, Func<PublishOutcome?> outcome) => _behaviour[channel.Key] = outcome;

    /// <summary>Waits until <paramref name="count"/> more posts have been made since the last wait.</summary>
    public async Task WaitForPostsAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        for (var i = 0; i < count; i++)
        {
            await _posted.WaitAsync(cts.Token).ConfigureAwait(false);
        }
    }

    public Task<PublishOutcome> PublishAsync(ChannelRef channel, PaperPosted post, string deliveryId, CancellationToken cancellationToken) =>
        Record(channel, post, deliveryId);

    public Task<PublishOutcome> PublishDigestAsync(ChannelRef channel, DigestPost digest, string deliveryId, CancellationToken cancellationToken) =>
        Record(channel, digest, deliveryId);

    private Task<PublishOutcome> Record(ChannelRef channel, DeliveryMessage message, string deliveryId)
    {
        if (_behaviour.TryGetValue(channel.Key, out var behaviour) && behaviour() is { } scripted)
        {
            return Task.FromResult(scripted);
        }

        Posts.Enqueue(new PublishedMessage(channel, message, deliveryId));
        _posted.Release();
        return Task.FromResult<PublishOutcome>(new PublishOutcome.Sent($"m{Interlocked.Increment(ref _messages)}"));
    }
}
