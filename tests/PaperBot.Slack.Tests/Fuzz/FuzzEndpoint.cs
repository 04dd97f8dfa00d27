namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>The three HTTP-mode endpoints the fuzzer aims at.</summary>
internal enum FuzzEndpoint
{
    Commands,
    Events,
    Interactivity,
}
