using System.Text;

namespace PaperBot.Core.Query;

/// <summary><c>has:code</c> (a GitHub repository) or <c>has:project</c> (a project page).</summary>
internal sealed class HasNode(bool project, int column) : QueryNode(column)
{
    public bool Project { get; } = project;

    // Half the listing has code: on its own this filter would flood a channel, so it needs a word beside it.
    public override bool IsPositive => false;

    public override bool Matches(PaperText paper) => Project ? paper.HasProject : paper.HasCode;

    public override void Render(StringBuilder text) => text.Append(Project ? "has:project" : "has:code");
}
