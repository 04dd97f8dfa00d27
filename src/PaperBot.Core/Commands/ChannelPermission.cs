namespace PaperBot.Core.Commands;

internal static class ChannelPermission
{
    public static ErrorResult Refusal(CommandContext context, string what) =>
        new($"Sorry, only members who can manage this channel may {what}.",
            context.ManagerHint ?? "Ask someone with the Manage Channels permission, or use /papers subscriptions to see what is set up.");
}
