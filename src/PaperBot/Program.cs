using PaperBot;

return args is ["healthcheck", ..]
    ? await HealthProbe.RunAsync(args)
    : await PaperBotApp.RunAsync(args);
