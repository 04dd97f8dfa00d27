using PaperBot.HuggingFace.Inspection;

namespace PaperBot.HuggingFace.Parsing;

/// <summary>Collects the notes of one parse, in the order they arose.</summary>
internal sealed class ParseNotes
{
    private readonly List<ListingNote> _notes = [];

    public IReadOnlyList<ListingNote> All => _notes;

    public void Warn(string text) => _notes.Add(new ListingNote(true, text));

    public void Remark(string text) => _notes.Add(new ListingNote(false, text));
}
