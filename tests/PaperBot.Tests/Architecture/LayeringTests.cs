using System.Reflection;
using PaperBot.Core.Commands;
using PaperBot.Core.Semantic;

namespace PaperBot.Tests.Architecture;

/// <summary>
/// The layering the README's Architecture section describes, checked on the compiled assemblies: Core knows no platform
/// and no storage engine, and the platform adapters only translate (they reach data through Core's services, never
/// through a store port).
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(CommandDispatcher).Assembly;
    private static readonly Assembly Discord = typeof(PaperBot.Discord.DiscordOptions).Assembly;
    private static readonly Assembly Slack = typeof(PaperBot.Slack.Configuration.SlackOptions).Assembly;

    public static TheoryData<string> Adapters => ["PaperBot.Discord", "PaperBot.Slack"];

    private static Assembly Adapter(string name) => name == "PaperBot.Discord" ? Discord : Slack;

    [Fact]
    public void Core_ReferencesNoPlatformStorageEngineOrWebFramework()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("PaperBot.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r is "LiteDB" or "AngleSharp" or "Npgsql" || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Adapter_ReferencesOnlyCore_NotTheOtherPlatformOrAStore(string adapter)
    {
        var references = Adapter(adapter).GetReferencedAssemblies().Select(a => a.Name!).Where(r => r.StartsWith("PaperBot.", StringComparison.Ordinal));

        Assert.Equal(["PaperBot.Core"], references);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Adapter_UsesNoStorePortDirectly(string adapter)
    {
        var offenders = Adapter(adapter).GetTypes()
            .SelectMany(type => Dependencies(type).Where(IsStorePort).Select(port => $"{type.FullName} uses {port.Name}"))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void StorePortCheck_RecognisesEveryPort()
    {
        // The rule above is only as good as this list: every store interface Core declares counts as a port.
        var ports = Core.GetTypes().Where(IsStorePort).Select(t => t.Name).ToList();

        Assert.Contains("IChannelStore", ports);
        Assert.Contains("IReadingListStore", ports);
        Assert.Contains("IDeliveryStore", ports);
        Assert.Contains("IInboundEventLog", ports);
        Assert.Contains(nameof(IEmbeddingStore), ports);
        Assert.DoesNotContain("ICommandHandler", ports);
    }

    private static bool IsStorePort(Type type) =>
        type.IsInterface && type.Assembly == Core
        && (type.Namespace == "PaperBot.Core.Storage" || type == typeof(IEmbeddingStore));

    // What a type holds or is given: constructor parameters (primary constructors' too), fields and properties.
    private static IEnumerable<Type> Dependencies(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetFields(all).Select(f => f.FieldType))
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType));
    }
}
