using PaperBot.Core.Papers;

namespace PaperBot.HuggingFace.Inspection;

/// <summary>One paper as read from a listing, with where its day came from and which fields it had.</summary>
public sealed record InspectedPaper(Paper Paper, DayField DayFrom, ItemFields Present);
