using System.Text;

namespace PaperBot.Slack.Blocks;

/// <summary>Packs lines of mrkdwn into as few sections as the 3,000-character limit allows, up to a block budget.</summary>
internal static class SectionPacker
{
    public static void Pack(List<SlackBlock> blocks, IEnumerable<string> lines, string moreLine)
    {
        var current = new StringBuilder();
        var all = lines.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var line = Mrkdwn.Fit(all[i], BlockLimits.SectionText);
            if (current.Length > 0 && current.Length + 1 + line.Length > BlockLimits.SectionText)
            {
                // Keep one block free for the "more" note.
                if (blocks.Count >= BlockLimits.BlocksPerMessage - 2)
                {
                    blocks.Add(new SectionBlock(SlackText.Markdown(current.ToString())));
                    blocks.Add(new ContextBlock([SlackText.Markdown(string.Format(System.Globalization.CultureInfo.InvariantCulture, moreLine, all.Count - i))]));
                    return;
                }

                blocks.Add(new SectionBlock(SlackText.Markdown(current.ToString())));
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            blocks.Add(new SectionBlock(SlackText.Markdown(current.ToString())));
        }
    }
}
