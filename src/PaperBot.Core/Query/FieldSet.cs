namespace PaperBot.Core.Query;

/// <summary>
/// The paper fields a term is looked up in. An unprefixed term searches <see cref="Default"/>; a field prefix
/// (<c>title:</c>, <c>author:</c>) narrows it to one field.
/// </summary>
[Flags]
internal enum FieldSet
{
    None = 0,
    Title = 1,
    Abstract = 2,
    Authors = 4,
    Keywords = 8,
    Organization = 16,

    /// <summary>What an unprefixed word searches; the organization is left out, as it always was.</summary>
    Default = Title | Abstract | Authors | Keywords,

    /// <summary>Prose fields: matched on stems, so "agents" finds "agent".</summary>
    Stemmed = Title | Abstract | Keywords,

    /// <summary>Names: matched on whole folded words, never stemmed ("Wes" is not "We").</summary>
    Names = Authors | Organization,
}
