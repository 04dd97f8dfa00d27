using System.Text.Json.Serialization;

namespace PaperBot.Slack.Blocks;

/// <summary>One Block Kit layout block. Serialised without a discriminator: <see cref="Type"/> is Slack's own.</summary>
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
internal abstract record SlackBlock
{
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }
}
