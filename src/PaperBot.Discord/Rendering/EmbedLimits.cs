namespace PaperBot.Discord.Rendering;

/// <summary>Discord's message and embed limits (characters).</summary>
internal static class EmbedLimits
{
    public const int Content = 2000;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int AuthorName = 256;
    public const int Total = 6000;
    public const int ButtonLabel = 80;
    public const int ButtonUrl = 512;
    public const int CustomId = 100;
    public const int ButtonsPerRow = 5;
}
