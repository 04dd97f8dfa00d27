using PaperBot.Benchmarks;

// Figures are printed, never asserted by `dotnet test`:
//   dotnet run -c Release --project tests/PaperBot.Benchmarks              subscription matching (a few seconds)
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- delivery  fan-out at the platforms' rate limits (about 2 minutes;
//                                                                          add "discord" or "slack" for one platform)
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- commands  the real host answering 1,000 signed /papers today and
//                                                                          search interactions 50 at a time, against bare Kestrel
//                                                 commands --provider postgres  the same at 20,000 papers on LiteDB and on PostgreSQL
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- replicas  3 papers x 1,000 channels by one and by three replicas on
//                                                                          PostgreSQL, at the platforms' limits (add "discord" or "slack")
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- upgrade   the store schema upgrade on 20,000 and 40,000 papers
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- embedding the sentence model (load, RSS, papers/s) and the 20,000-vector scan
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- semantic-host [batch]  the real host's RSS at 20,000 papers while its
//                                                                          background embedder loads the model and embeds
//   dotnet run -c Release --project tests/PaperBot.Benchmarks -- relevance about: vs keyword queries on two labelled sets (F1, R-precision,
//                                                                          similar and recommend)
return args.FirstOrDefault() switch
{
    null or "matching" => MatchingBenchmark.Run(),
    "delivery" => await DeliveryBenchmark.RunAsync(args.ElementAtOrDefault(1)),
    "replicas" => await ReplicaDeliveryBenchmark.RunAsync(args.ElementAtOrDefault(1)),
    "commands" when args is [_, "--provider", "postgres"] => await PostgresCommandsBenchmark.RunAsync(),
    "commands" => await CommandsBenchmark.RunAsync(),
    "floor" when args.Length == 2 => await BareEndpoint.ServeAsync(args[1]),
    "floor" when args is [_, _, "--verify", var key] => await BareEndpoint.ServeAsync(args[1], key),
    "upgrade" => UpgradeBenchmark.Run(),
    "embedding" => await EmbeddingBenchmark.RunAsync(int.TryParse(args.ElementAtOrDefault(1), out var batch) ? batch : new PaperBot.Semantic.SemanticOptions().BatchSize),
    "semantic-host" => await SemanticHostBenchmark.RunAsync(int.TryParse(args.ElementAtOrDefault(1), out var hostBatch) ? hostBatch : new PaperBot.Semantic.SemanticOptions().BatchSize),
    "relevance" => await RelevanceBenchmark.RunAsync(),
    var other => Usage(other),
};

static int Usage(string argument)
{
    Console.Error.WriteLine($"Unknown benchmark \"{argument}\": use \"matching\" (the default), \"delivery\", \"replicas\", \"commands\", \"upgrade\", \"embedding\", \"semantic-host\" or \"relevance\".");
    return 2;
}
