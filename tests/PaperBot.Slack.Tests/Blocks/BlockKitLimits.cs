using System.Text.Json;
using PaperBot.Slack.Blocks;

namespace PaperBot.Slack.Tests.Blocks;

/// <summary>Checks a rendered message against Slack's published Block Kit limits.</summary>
internal static class BlockKitLimits
{
    public static void AssertWithin(JsonElement message)
    {
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.InRange(blocks.Count, 1, BlockLimits.BlocksPerMessage);
        foreach (var block in blocks)
        {
            switch (block.GetProperty("type").GetString())
            {
                case "section":
                    Assert.InRange(block.GetProperty("text").GetProperty("text").GetString()!.Length, 1, BlockLimits.SectionText);
                    break;
                case "context":
                    var elements = block.GetProperty("elements").EnumerateArray().ToList();
                    Assert.InRange(elements.Count, 1, BlockLimits.ContextElements);
                    Assert.All(elements, e => Assert.InRange(e.GetProperty("text").GetString()!.Length, 1, BlockLimits.ContextElementText));
                    break;
                case "actions":
                    Assert.True(block.GetProperty("block_id").GetString()!.Length <= BlockLimits.BlockId);
                    var buttons = block.GetProperty("elements").EnumerateArray().ToList();
                    Assert.InRange(buttons.Count, 1, BlockLimits.ActionsElements);
                    Assert.Equal(buttons.Count, buttons.Select(b => b.GetProperty("action_id").GetString()).Distinct().Count());
                    foreach (var button in buttons)
                    {
                        Assert.InRange(button.GetProperty("text").GetProperty("text").GetString()!.Length, 1, BlockLimits.ButtonText);
                        Assert.True(button.GetProperty("action_id").GetString()!.Length <= BlockLimits.ActionId);
                        if (button.TryGetProperty("url", out var url))
                        {
                            Assert.True(url.GetString()!.Length <= BlockLimits.ButtonUrl);
                        }

                        if (button.TryGetProperty("value", out var value))
                        {
                            Assert.True(value.GetString()!.Length <= BlockLimits.ButtonValue);
                        }
                    }

                    break;
                default:
                    Assert.Fail($"Unexpected block type {block.GetProperty("type")}");
                    break;
            }
        }
    }
}
