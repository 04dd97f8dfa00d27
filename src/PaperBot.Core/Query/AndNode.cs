using System.Text;

namespace PaperBot.Core.Query;

/// <summary>Matches papers every operand matches (juxtaposition or AND).</summary>
internal sealed class AndNode : QueryNode
{
    private readonly QueryNode[] _operands;

    private AndNode(QueryNode[] operands)
        : base(operands[0].Column)
    {
        _operands = operands;
        IsPositive = operands.Any(operand => operand.IsPositive);
    }

    public IReadOnlyList<QueryNode> Operands => _operands;

    public override bool IsPositive { get; }

    public static QueryNode Create(IEnumerable<QueryNode> parts)
    {
        var flat = Flatten<AndNode>(parts, node => node._operands);
        return flat.Length == 1 ? flat[0] : new AndNode(flat);
    }

    public override bool Matches(PaperText paper)
    {
        foreach (var operand in _operands)
        {
            if (!operand.Matches(paper))
            {
                return false;
            }
        }

        return true;
    }

    public override void Render(StringBuilder text)
    {
        for (var i = 0; i < _operands.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            // OR binds looser than AND, so an OR operand needs its parentheses back.
            var group = _operands[i] is OrNode;
            if (group)
            {
                text.Append('(');
            }

            _operands[i].Render(text);
            if (group)
            {
                text.Append(')');
            }
        }
    }
}
