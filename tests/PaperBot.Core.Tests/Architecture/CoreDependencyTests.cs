using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Architecture;

/// <summary>Core knows no platform: it must never reference storage, HTML, web or chat-platform assemblies.</summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] Forbidden =
        ["LiteDB", "AngleSharp", "Microsoft.AspNetCore", "Discord", "Slack", "NSec", "PaperBot.Storage", "PaperBot.HuggingFace", "System.Net.Http"];

    [Fact]
    public void Core_ReferencedAssemblies_IncludeNoPlatformStorageOrWebAssembly()
    {
        var references = typeof(Paper).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references.Where(r => Forbidden.Any(f => r.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.Empty(offending);
        Assert.Contains("System.Runtime", references);
    }

    [Fact]
    public void Core_ProjectFile_HasNoForbiddenPackageOrProjectReference()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "PaperBot.Core", "PaperBot.Core.csproj"));

        Assert.All(Forbidden, f => Assert.DoesNotContain($"Include=\"{f}", project, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaperBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaperBot.sln not found above " + AppContext.BaseDirectory);
    }
}
