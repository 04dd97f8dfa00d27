using System.Collections.Concurrent;
using System.Text.Json;

namespace PaperBot.Testing.Slack;

/// <summary>
/// The workspace as users.info and conversations.info describe it: who is an admin or owner, who created which
/// channel. Unknown users are plain members; unknown channels were created by <see cref="Nobody"/>; D... channels are
/// direct messages.
/// </summary>
public sealed class FakeSlackDirectory
{
    public const string Nobody = "U0SOMEONEELSE";

    private readonly ConcurrentDictionary<string, string> _roles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _creators = new(StringComparer.Ordinal);

    /// <summary><paramref name="role"/> is <c>is_admin</c>, <c>is_owner</c> or <c>is_primary_owner</c>.</summary>
    public void SetRole(string userId, string role) => _roles[userId] = role;

    public void SetCreator(string channelId, string userId) => _creators[channelId] = userId;

    internal string UserInfo(string userId)
    {
        var user = new Dictionary<string, object>
        {
            ["id"] = userId,
            ["is_admin"] = false,
            ["is_owner"] = false,
            ["is_primary_owner"] = false,
        };
        if (_roles.TryGetValue(userId, out var role))
        {
            user[role] = true;
            if (role != "is_admin")
            {
                user["is_admin"] = true;
            }
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["ok"] = true, ["user"] = user });
    }

    internal string ConversationInfo(string channelId)
    {
        var direct = channelId.StartsWith('D');
        var channel = new Dictionary<string, object> { ["id"] = channelId, ["is_im"] = direct, ["is_channel"] = !direct };
        if (!direct)
        {
            channel["creator"] = _creators.GetValueOrDefault(channelId, Nobody);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["ok"] = true, ["channel"] = channel });
    }
}
