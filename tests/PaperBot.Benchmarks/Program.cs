using PaperBot.Benchmarks;

// Figures are printed, never asserted by `dotnet test`:
//   dotnet run -c Release --project tests/PaperBot.Benchmarks              subscription matching (a few seconds)
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- delivery  fan-out at the platforms' rate limits (about 2 minutes;
//                                                                          add "discord" or "slack" for one platform)
return args.FirstOrDefault() switch
{
    null or "matching" => MatchingBenchmark.Run(),
    "delivery" => await DeliveryBenchmark.RunAsync(args.ElementAtOrDefault(1)),
    var other => Usage(other),
};

static int Usage(string argument)
{
    Console.Error.WriteLine($"Unknown benchmark \"{argument}\": use \"matching\" (the default) or \"delivery\".");
    return 2;
}
