namespace PaperBot.Core.Query;

/// <summary>
/// The paper fields a term is looked up in. Every term searches <see cref="All"/> today; field prefixes
/// (<c>title:</c>, <c>author:</c>) are planned and will narrow a term's set without touching the matcher.
/// </summary>
[Flags]
internal enum FieldSet
{
    None = 0,
    Title = 1,
    Abstract = 2,
    Authors = 4,
    Keywords = 8,
    All = Title | Abstract | Authors | Keywords,
}
