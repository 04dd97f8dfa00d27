namespace PaperBot.HuggingFace.Tests.Support;

/// <summary>The saved listings of tests/PaperBot.Testing/Fixtures, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public const string Page = "daily-papers.html";
    public const string Api = "daily-papers-api.json";
    public const string CardsOnly = "cards-only.html";
    public const string LayoutChanged = "layout-changed.html";

    /// <summary>The papers-day all fixtures show.</summary>
    public static readonly DateOnly Day = new(2026, 11, 24);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
