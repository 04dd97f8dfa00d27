using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Json;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord;

/// <summary><c>paperbot discord &lt;command&gt;</c>: one-off Discord chores such as registering the slash commands.</summary>
public static class DiscordCli
{
    public const int Usage = 64;
    public const int NotConfigured = 78;
    public const int Failed = 1;

    /// <summary>Runs the tool command in <paramref name="args"/> (after "discord") and returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["register-commands"])
        {
            await error.WriteLineAsync("Usage: paperbot discord register-commands [--Discord:GuildId=<server id>]").ConfigureAwait(false);
            await error.WriteLineAsync("  register-commands  Replaces the application's slash commands with /papers (globally, or in Discord:GuildId).").ConfigureAwait(false);
            return Usage;
        }

        if (services.GetService<DiscordRestClient>() is not { } rest)
        {
            await error.WriteLineAsync("The Discord adapter is off because Discord:BotToken is not set. Put the bot's token there " +
                "(for example PaperBot__Discord__BotToken in the environment, or dotnet user-secrets), with Discord:ApplicationId and Discord:PublicKey.")
                .ConfigureAwait(false);
            return NotConfigured;
        }

        var catalog = services.GetRequiredService<CommandCatalog>();
        return await RegisterAsync(rest, catalog, services.GetRequiredService<IOptions<DiscordOptions>>().Value, output, error).ConfigureAwait(false);
    }

    private static async Task<int> RegisterAsync(DiscordRestClient rest, CommandCatalog catalog, DiscordOptions options, TextWriter output, TextWriter error)
    {
        var guildId = string.IsNullOrWhiteSpace(options.GuildId) ? null : options.GuildId.Trim();
        var where = guildId is null ? "globally" : $"in server {guildId}";
        IReadOnlyList<ApplicationCommand> commands = [catalog.Definition];
        RestResponse response;
        try
        {
            response = await rest.SendAsync(DiscordRoutes.OverwriteCommands(options.ApplicationId!.Trim(), guildId), commands,
                DiscordJsonContext.Default.IReadOnlyListApplicationCommand, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"Could not reach Discord at {options.ApiBaseUrl}: {ex.Message}").ConfigureAwait(false);
            return Failed;
        }

        if (!response.IsSuccess)
        {
            var hint = (int)response.Status switch
            {
                401 => " Check Discord:BotToken.",
                403 => guildId is null ? " Check Discord:ApplicationId." : " Is the bot in that server (invited with the applications.commands scope)?",
                404 => " Check Discord:ApplicationId and Discord:GuildId.",
                _ => "",
            };
            await error.WriteLineAsync($"Discord refused the commands ({(int)response.Status}: {response.ErrorText}).{hint}").ConfigureAwait(false);
            return Failed;
        }

        var registered = response.TryRead(DiscordJsonContext.Default.ListRegisteredCommand) ?? [];
        foreach (var command in registered)
        {
            var subcommands = string.Join(", ", (command.Options ?? []).Select(o => o.Name));
            await output.WriteLineAsync($"Registered /{command.Name} (id {command.Id}) {where} with subcommands: {subcommands}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(guildId is null
            ? $"Replaced all global commands of application {options.ApplicationId} ({registered.Count} now). Global commands can take up to an hour to show up in every client."
            : $"Replaced the commands of application {options.ApplicationId} in server {guildId} ({registered.Count} now); they apply at once.").ConfigureAwait(false);
        return 0;
    }
}
