using PaperBot.Slack.Api;

namespace PaperBot.Slack.Inbound;

/// <summary>The bot's own Slack user id (from <c>auth.test</c>, asked once), to ignore its own hint reactions.</summary>
internal sealed class SlackBotIdentity(SlackApiClient api)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _userId;

    public async Task<string?> UserIdAsync(CancellationToken cancellationToken)
    {
        if (_userId is not null)
        {
            return _userId;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_userId is null && await api.AuthTestAsync(cancellationToken).ConfigureAwait(false) is { Ok: true, Response.UserId: { } id })
            {
                _userId = id;
            }

            return _userId;
        }
        finally
        {
            _gate.Release();
        }
    }
}
