using PaperBot;
using PaperBot.Discord;
using PaperBot.HuggingFace;

return args switch
{
    ["healthcheck", ..] => await HealthProbe.RunAsync(args),
    ["discord", .. var rest] => await PaperBotApp.RunToolAsync(rest, DiscordCli.RunAsync),
    ["listing", .. var rest] => await PaperBotApp.RunToolAsync(rest, ListingCli.RunAsync),
    _ => await PaperBotApp.RunAsync(args),
};
