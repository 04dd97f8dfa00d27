using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing.Platforms;

namespace PaperBot.Testing;

/// <summary>
/// The slice of Discord's REST API a posting bot needs, on 127.0.0.1: create message (deduplicated by
/// <c>nonce</c> + <c>enforce_nonce</c> as Discord does: the same nonce in the same channel returns the message
/// already created instead of a new one) and add reaction. Unlike Discord, whose nonce memory lasts a few
/// minutes, this one never forgets; tests that rely on it check that their resends came within that window.
/// A test can hold the answer to one post, so a process can be killed after Discord created the message but
/// before the bot heard back. Started with <see cref="DiscordLimits"/>, it enforces Discord's rate limits; its
/// <see cref="Faults"/> script 5xx bursts, connection resets, lost answers and 429 storms.
/// </summary>
public sealed class FakeDiscordRest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<DiscordPost> _posts = [];
    private readonly Dictionary<(string Channel, string Nonce), string> _byNonce = [];
    private readonly List<(Func<IReadOnlyList<DiscordPost>, bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private long _nextId = 1400000000000000000;
    private (int Number, TaskCompletionSource Release)? _hold;

    private int _reactions;

    private FakeDiscordRest(WebApplication app, DiscordLimits? limits)
    {
        _app = app;
        Limits = limits;
        _app.MapPost("/api/v10/channels/{channelId}/messages", CreateMessageAsync);
        _app.MapPut("/api/v10/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me", AddReactionAsync);
        _app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { message = "Unknown route", code = 0 });
        });
    }

    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>The rate limits enforced, if any.</summary>
    public DiscordLimits? Limits { get; }

    /// <summary>Faults to act out on the next requests (both routes).</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Reactions added (answered 204).</summary>
    public int Reactions => Volatile.Read(ref _reactions);

    /// <summary>When the first reaction was added, if one was.</summary>
    public DateTimeOffset? FirstReactionAt { get; private set; }

    public IReadOnlyList<DiscordPost> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    public static async Task<FakeDiscordRest> StartAsync(DiscordLimits? limits = null)
    {
        var fake = new FakeDiscordRest(LoopbackApp.Create(), limits);
        fake.ApiBaseUrl = await LoopbackApp.StartAsync(fake._app).ConfigureAwait(false) + "/api/v10";
        return fake;
    }

    /// <summary>
    /// The answer to create-message request number <paramref name="number"/> (counted from 1 over the fake's
    /// life) waits until the returned source is completed; the message itself is created on arrival.
    /// </summary>
    public TaskCompletionSource HoldAnswerTo(int number)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _hold = (number, release);
        }

        return release;
    }

    /// <summary>Completes when the posts received so far satisfy <paramref name="condition"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<DiscordPost>, bool> condition, TimeSpan timeout, string what)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_posts))
            {
                return;
            }

            _waiters.Add((condition, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}; the fake Discord received {Posts.Count} posts.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _hold?.Release.TrySetResult();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Acts out a scripted fault or a rate limit; true when the request is answered already.</summary>
    private async Task<(bool Answered, Fault? Fault)> InterceptAsync(HttpContext context, string route, string channelId)
    {
        var fault = Faults.Next();
        if (await FaultResponses.TryActOutAsync(context, fault, (c, wait) => DiscordLimits.TooManyAsync(c, wait, "global"), Faults.RetryAfter).ConfigureAwait(false))
        {
            return (true, fault);
        }

        return (Limits is not null && !await Limits.AdmitAsync(context, route, channelId).ConfigureAwait(false), fault);
    }

    private async Task AddReactionAsync(string channelId, HttpContext context)
    {
        var (answered, fault) = await InterceptAsync(context, "reactions", channelId).ConfigureAwait(false);
        if (answered)
        {
            return;
        }

        if (Interlocked.Increment(ref _reactions) == 1)
        {
            FirstReactionAt = DateTimeOffset.UtcNow;
        }

        if (!FaultResponses.LoseAnswer(context, fault))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }

    private async Task CreateMessageAsync(string channelId, HttpContext context)
    {
        var (answered, fault) = await InterceptAsync(context, "messages", channelId).ConfigureAwait(false);
        if (answered)
        {
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var nonce = body?["nonce"]?.GetValueKind() == JsonValueKind.String ? body["nonce"]!.GetValue<string>() : null;
        var enforce = body?["enforce_nonce"]?.GetValueKind() == JsonValueKind.True;
        DiscordPost post;
        Task held = Task.CompletedTask;
        lock (_gate)
        {
            var known = enforce && nonce is not null && _byNonce.ContainsKey((channelId, nonce));
            var id = known ? _byNonce[(channelId, nonce!)] : (++_nextId).ToString(CultureInfo.InvariantCulture);
            if (!known && enforce && nonce is not null)
            {
                _byNonce[(channelId, nonce)] = id;
            }

            post = new DiscordPost(_posts.Count + 1, channelId, nonce, enforce, id, known, DateTimeOffset.UtcNow);
            _posts.Add(post);
            if (_hold is { } hold && hold.Number == post.Number)
            {
                held = hold.Release.Task;
            }

            foreach (var waiter in _waiters.Where(w => w.Condition(_posts)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        await held.ConfigureAwait(false);
        if (FaultResponses.LoseAnswer(context, fault))
        {
            return;
        }

        await context.Response.WriteAsJsonAsync(new { id = post.MessageId, channel_id = channelId, nonce }, context.RequestAborted).ConfigureAwait(false);
    }
}
