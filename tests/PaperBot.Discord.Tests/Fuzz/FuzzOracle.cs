using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Channels;
using PaperBot.Discord.Interactions;

namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>
/// Reads each signed fuzz body independently of PaperBot to learn which channels and users it names and whether
/// its invoker may manage the channel, so the test can tell a stored subscription that should exist from one a
/// refused command created.
/// </summary>
internal sealed class FuzzOracle
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Channels at least one signed request from someone allowed to manage them named.</summary>
    public ConcurrentDictionary<string, byte> ManagedChannels { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte> Users { get; } = new(StringComparer.Ordinal);

    public void Observe(byte[] body)
    {
        try
        {
            Read(body);
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8: no channel or user PaperBot could store either.
        }
    }

    private void Read(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var root = document.RootElement;
            var member = root.TryGetProperty("member", out var m) ? m : default;
            foreach (var holder in new[] { member, root.TryGetProperty("user", out var u) ? u : default })
            {
                if (holder.ValueKind == JsonValueKind.Object && UserIdOf(holder) is { } id)
                {
                    Users[id] = 0;
                }
            }

            if (root.TryGetProperty("channel_id", out var channel) && channel.ValueKind == JsonValueKind.String && MayManage(member))
            {
                ManagedChannels[channel.GetString()!] = 0;
            }
        }
    }

    /// <summary>Discord's rule as PaperBot applies it: no member is a DM, otherwise ADMINISTRATOR or MANAGE_CHANNELS.</summary>
    private static bool MayManage(JsonElement member) =>
        member.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
        || (member.ValueKind == JsonValueKind.Object
            && member.TryGetProperty("permissions", out var p)
            && p.ValueKind == JsonValueKind.String
            && ulong.TryParse(p.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && (bits & (InteractionIdentity.Administrator | InteractionIdentity.ManageChannels)) != 0);

    private static string? UserIdOf(JsonElement holder)
    {
        var user = holder.TryGetProperty("user", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : holder;
        return user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    public IEnumerable<UserRef> UserRefs() => Users.Keys.Select(id => new UserRef("discord", id));
}
