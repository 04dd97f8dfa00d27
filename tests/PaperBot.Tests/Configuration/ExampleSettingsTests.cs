using Microsoft.Extensions.Configuration;
using PaperBot.HuggingFace;
using PaperBot.Storage;

namespace PaperBot.Tests.Configuration;

/// <summary>appsettings.example.json is the configuration reference: it must name every key the bot reads.</summary>
public sealed class ExampleSettingsTests
{
    private static readonly string Root = FindRoot();

    private static IConfigurationRoot Load(string path) => new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();

    private static HashSet<string> Keys(IConfiguration configuration) =>
        configuration.AsEnumerable().Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Example_DocumentsEveryKeyOfTheDefaults()
    {
        var example = Keys(Load(Path.Combine(Root, "appsettings.example.json")));
        var defaults = Keys(Load(Path.Combine(Root, "src", "PaperBot", "appsettings.json")));

        Assert.Empty(defaults.Except(example));
    }

    [Theory]
    [InlineData(typeof(HuggingFaceOptions), HuggingFaceOptions.SectionName)]
    [InlineData(typeof(StorageOptions), StorageOptions.SectionName)]
    [InlineData(typeof(PaperBot.Storage.Postgres.ReplicaOptions), PaperBot.Storage.Postgres.ReplicaOptions.SectionName)]
    [InlineData(typeof(PaperBot.Core.Outbox.DeliveryOptions), PaperBot.Core.Outbox.DeliveryOptions.SectionName)]
    [InlineData(typeof(PaperBot.Discord.DiscordOptions), PaperBot.Discord.DiscordOptions.SectionName)]
    [InlineData(typeof(PaperBot.Discord.DiscordGatewayOptions), PaperBot.Discord.DiscordOptions.SectionName + ":Gateway")]
    [InlineData(typeof(PaperBot.Slack.Configuration.SlackOptions), PaperBot.Slack.Configuration.SlackOptions.SectionName)]
    [InlineData(typeof(PaperBot.Admin.AdminOptions), PaperBot.Admin.AdminOptions.SectionName)]
    [InlineData(typeof(PaperBot.Semantic.SemanticOptions), PaperBot.Semantic.SemanticOptions.SectionName)]
    public void Example_DocumentsEveryOptionsProperty(Type options, string section)
    {
        var example = Keys(Load(Path.Combine(Root, "appsettings.example.json")));

        var missing = options.GetProperties().Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}").Where(k => !example.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Readme_MentionsEveryDocumentedKey()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var example = Load(Path.Combine(Root, "appsettings.example.json")).AsEnumerable()
            .Where(kv => kv.Value is not null && !kv.Key.StartsWith("Logging", StringComparison.Ordinal))
            .Select(kv => kv.Key);

        Assert.All(example, key => Assert.Contains($"`{key}`", readme));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaperBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaperBot.sln not found");
    }
}
