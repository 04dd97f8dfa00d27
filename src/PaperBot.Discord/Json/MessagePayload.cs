namespace PaperBot.Discord.Json;

/// <summary>
/// A message as PaperBot sends it: a channel message, an interaction answer or an edit of one.
/// <see cref="Choices"/> is used only by autocomplete answers.
/// </summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    public int? Flags { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    /// <summary>Files sent with the message (multipart <c>files[n]</c>), described by index.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>Only the invoker sees the message.</summary>
    public const int Ephemeral = 64;
}
