using PaperBot.Core.Channels;

namespace PaperBot.Core.Commands;

/// <summary><c>/papers subscribe</c>'s query and options, read from typed <see cref="CommandArguments"/>.</summary>
public sealed record SubscribeArguments(string Query, SubscriptionOptions Options, int Backfill)
{
    public const int MaxBackfill = 20;

    /// <summary>The options of <paramref name="input"/>; ranges are checked before, by <see cref="CommandChecks"/>.</summary>
    public static bool TryRead(CommandArguments input, out SubscribeArguments arguments, out string? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = SubscriptionOptions.Default;
        arguments = new SubscribeArguments("", options, 0);
        if (input.Digest is { } digest && !DigestValue.TryApply(digest, options, out options, out error))
        {
            return false;
        }

        options = input.MinUpvotes is { } min ? options with { MinUpvotes = min } : options;
        arguments = new SubscribeArguments(input.Text.Trim(), options, input.Backfill ?? 0);
        error = null;
        return true;
    }
}
