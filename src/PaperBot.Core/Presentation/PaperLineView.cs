namespace PaperBot.Core.Presentation;

/// <summary>One paper of a list: its number in the whole list and what every surface shows of it.</summary>
public sealed record PaperLineView(int Number, string ArxivId, string Title, string Url, int Upvotes, string Byline);
