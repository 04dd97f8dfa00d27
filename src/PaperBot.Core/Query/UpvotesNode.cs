using System.Globalization;
using System.Text;

namespace PaperBot.Core.Query;

/// <summary><c>upvotes&gt;=N</c> and its siblings: compares the paper's upvote count with a number.</summary>
internal sealed class UpvotesNode(UpvoteComparison comparison, int value, int column) : QueryNode(column)
{
    public UpvoteComparison Comparison { get; } = comparison;

    public int Value { get; } = value;

    /// <summary>
    /// The fewest upvotes a matching paper has, or null when a paper with none can match (an upper bound).
    /// A floor of at least one upvote makes the condition positive on its own: "upvotes>=50" is a reasonable
    /// "the day's popular papers" subscription, while "upvotes&lt;5" would post nearly every paper.
    /// </summary>
    public int? Floor => Comparison switch
    {
        UpvoteComparison.AtLeast or UpvoteComparison.Exactly => Value,
        UpvoteComparison.MoreThan => Value == int.MaxValue ? Value : Value + 1,
        _ => null,
    };

    public override bool IsPositive => Floor >= 1;

    public override bool Matches(PaperText paper) => Compare(paper.Upvotes, Comparison, Value);

    public static bool Compare(int upvotes, UpvoteComparison comparison, int value) => comparison switch
    {
        UpvoteComparison.AtLeast => upvotes >= value,
        UpvoteComparison.MoreThan => upvotes > value,
        UpvoteComparison.AtMost => upvotes <= value,
        UpvoteComparison.LessThan => upvotes < value,
        _ => upvotes == value,
    };

    public override void Render(StringBuilder text) =>
        text.Append("upvotes").Append(Symbol(Comparison)).Append(Value.ToString(CultureInfo.InvariantCulture));

    public static string Symbol(UpvoteComparison comparison) => comparison switch
    {
        UpvoteComparison.AtLeast => ">=",
        UpvoteComparison.MoreThan => ">",
        UpvoteComparison.AtMost => "<=",
        UpvoteComparison.LessThan => "<",
        _ => "=",
    };
}
