using PaperBot;
using PaperBot.Discord;

return args switch
{
    ["healthcheck", ..] => await HealthProbe.RunAsync(args),
    ["discord", .. var rest] => await PaperBotApp.RunToolAsync(rest, DiscordCli.RunAsync),
    _ => await PaperBotApp.RunAsync(args),
};
