using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PaperBot.Testing.Platforms;

namespace PaperBot.Testing;

public sealed partial class FakeDiscordRest
{
    private readonly Dictionary<(string Channel, string Nonce), string> _byNonce = [];
    private readonly Dictionary<string, FixedWindow> _windows = [];
    private (int Number, TaskCompletionSource Release)? _hold;

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

    private async Task AddReactionAsync(HttpContext context, string channelId)
    {
        var (answered, fault) = await InterceptAsync(context, "reactions", channelId).ConfigureAwait(false);
        if (answered)
        {
            return;
        }

        if (Interlocked.Increment(ref _reactions) == 1)
        {
            FirstReactionAt = _time.GetUtcNow();
        }

        if (!FaultResponses.LoseAnswer(context, fault))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }

    private async Task CreateMessageAsync(HttpContext context, string channelId, RecordedRequest request)
    {
        if (_channelAnswers.TryGetValue(channelId, out var scripted))
        {
            await AnswerAsync(context, scripted.Status, scripted.Body).ConfigureAwait(false);
            return;
        }

        if (_tooManyRequests.TryDequeue(out var tooMany))
        {
            await DiscordLimits.TooManyAsync(context, TimeSpan.FromSeconds(tooMany.RetryAfter), tooMany.Global ? "global" : "user").ConfigureAwait(false);
            return;
        }

        var (answered, fault) = await InterceptAsync(context, "messages", channelId).ConfigureAwait(false);
        if (answered || !await AdmitToWindowAsync(context, channelId).ConfigureAwait(false))
        {
            return;
        }

        var json = request.Json;
        var nonce = json?["nonce"]?.GetValueKind() == JsonValueKind.String ? json["nonce"]!.GetValue<string>() : null;
        var enforce = json?["enforce_nonce"]?.GetValueKind() == JsonValueKind.True;
        DiscordPost post;
        var held = Task.CompletedTask;
        lock (_gate)
        {
            var known = enforce && nonce is not null && _byNonce.ContainsKey((channelId, nonce));
            var id = known ? _byNonce[(channelId, nonce!)] : NextId();
            if (!known && enforce && nonce is not null)
            {
                _byNonce[(channelId, nonce)] = id;
            }

            post = new DiscordPost(_posts.Count + 1, channelId, nonce, enforce, id, known, _time.GetUtcNow());
            _posts.Add(post);
            if (_hold is { } hold && hold.Number == post.Number)
            {
                held = hold.Release.Task;
            }

            Signal();
        }

        await held.ConfigureAwait(false);
        if (!FaultResponses.LoseAnswer(context, fault))
        {
            await context.Response.WriteAsJsonAsync(new { id = post.MessageId, channel_id = channelId, nonce }, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The per-channel message window, when <see cref="MessageLimit"/> is set: headers on every answer, a 429 when spent.</summary>
    private async Task<bool> AdmitToWindowAsync(HttpContext context, string channelId)
    {
        if (MessageLimit is not { } limit)
        {
            return true;
        }

        FixedWindow window;
        lock (_gate)
        {
            window = _windows.TryGetValue(channelId, out var known) && known.Limit == limit && known.Window == MessageWindow
                ? known
                : _windows[channelId] = new FixedWindow(limit, MessageWindow, _time);
        }

        var (allowed, remaining, resetAfter) = window.Take();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((_time.GetUtcNow() + resetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "80c17d2f203122d936070c88c8d10f33";
        if (allowed)
        {
            return true;
        }

        Interlocked.Increment(ref _violations);
        await DiscordLimits.TooManyAsync(context, resetAfter, "user").ConfigureAwait(false);
        return false;
    }
}
