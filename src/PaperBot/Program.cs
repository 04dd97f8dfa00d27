using PaperBot;
using PaperBot.Discord;
using PaperBot.HuggingFace;
using PaperBot.Storage.Postgres.Copying;

return args switch
{
    ["healthcheck", ..] => await HealthProbe.RunAsync(args),
    ["discord", .. var rest] => await PaperBotApp.RunToolAsync(rest, DiscordCli.RunAsync),
    ["listing", .. var rest] => await PaperBotApp.RunToolAsync(rest, ListingCli.RunAsync),
    ["storage", .. var rest] => await StorageCli.RunAsync(rest, Console.Out, Console.Error),
    _ => await PaperBotApp.RunAsync(args),
};
