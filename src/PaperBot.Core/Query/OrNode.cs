using System.Text;

namespace PaperBot.Core.Query;

/// <summary>Matches papers any operand matches.</summary>
internal sealed class OrNode : QueryNode
{
    private readonly QueryNode[] _operands;

    private OrNode(QueryNode[] operands)
        : base(operands[0].Column)
    {
        _operands = operands;
        IsPositive = operands.All(operand => operand.IsPositive);
    }

    public IReadOnlyList<QueryNode> Operands => _operands;

    public override bool IsPositive { get; }

    public static QueryNode Create(IEnumerable<QueryNode> parts)
    {
        var flat = Flatten<OrNode>(parts, node => node._operands);
        return flat.Length == 1 ? flat[0] : new OrNode(flat);
    }

    public override bool Matches(PaperText paper)
    {
        foreach (var operand in _operands)
        {
            if (operand.Matches(paper))
            {
                return true;
            }
        }

        return false;
    }

    // Operands are never OR (flattened) and AND binds tighter, so no parentheses are needed here.
    public override void Render(StringBuilder text)
    {
        for (var i = 0; i < _operands.Length; i++)
        {
            if (i > 0)
            {
                text.Append(" OR ");
            }

            _operands[i].Render(text);
        }
    }
}
