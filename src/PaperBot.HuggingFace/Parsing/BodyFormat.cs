namespace PaperBot.HuggingFace.Parsing;

internal enum BodyFormat
{
    Unknown,
    Html,
    Json,
}
