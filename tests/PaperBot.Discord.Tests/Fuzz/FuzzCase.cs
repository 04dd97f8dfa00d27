namespace PaperBot.Discord.Tests.Fuzz;

/// <summary>One generated request: its body and how it is (or is not) signed.</summary>
internal sealed record FuzzCase(int Index, string Origin, byte[] Body, FuzzAuth Auth);
