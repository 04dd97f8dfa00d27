using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PaperBot.Testing;

/// <summary>
/// The slice of Discord's REST API a posting bot needs, on 127.0.0.1: create message (deduplicated by
/// <c>nonce</c> + <c>enforce_nonce</c> as Discord does: the same nonce in the same channel returns the message
/// already created instead of a new one) and add reaction. Unlike Discord, whose nonce memory lasts a few
/// minutes, this one never forgets; tests that rely on it check that their resends came within that window.
/// A test can hold the answer to one post, so a process can be killed after Discord created the message but
/// before the bot heard back.
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

    private FakeDiscordRest(WebApplication app)
    {
        _app = app;
        _app.MapPost("/api/v10/channels/{channelId}/messages", CreateMessageAsync);
        _app.MapPut("/api/v10/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me", () => Results.NoContent());
        _app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { message = "Unknown route", code = 0 });
        });
    }

    public string ApiBaseUrl { get; private set; } = "";

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

    public static async Task<FakeDiscordRest> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeDiscordRest(builder.Build());
        await fake._app.StartAsync().ConfigureAwait(false);
        fake.ApiBaseUrl = fake._app.Urls.First() + "/api/v10";
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

    private async Task CreateMessageAsync(string channelId, HttpContext context)
    {
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
        await context.Response.WriteAsJsonAsync(new { id = post.MessageId, channel_id = channelId, nonce }, context.RequestAborted).ConfigureAwait(false);
    }
}
