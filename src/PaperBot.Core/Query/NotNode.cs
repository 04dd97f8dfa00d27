using System.Text;

namespace PaperBot.Core.Query;

/// <summary>Matches papers its operand does not match.</summary>
internal sealed class NotNode : QueryNode
{
    private NotNode(QueryNode operand, int column)
        : base(column)
    {
        Operand = operand;
    }

    public QueryNode Operand { get; }

    public override bool IsPositive => false;

    /// <summary>Negates <paramref name="operand"/>; "-(-x)" cancels out to x.</summary>
    public static QueryNode Create(QueryNode operand, int column) =>
        operand is NotNode inner ? inner.Operand : new NotNode(operand, column);

    public override bool Matches(PaperText paper) => !Operand.Matches(paper);

    public override void Render(StringBuilder text)
    {
        // "-" is the canonical spelling of NOT; a group keeps its parentheses so "-(a b)" stays one operand.
        text.Append('-');
        if (Operand is TermNode or UpvotesNode or HasNode)
        {
            Operand.Render(text);
            return;
        }

        text.Append('(');
        Operand.Render(text);
        text.Append(')');
    }
}
