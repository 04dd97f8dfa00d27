namespace PaperBot.Slack.Tests.Fuzz;

/// <summary>One generated request: the endpoint, its body and content type, and how it is (or is not) signed.</summary>
internal sealed record FuzzCase(int Index, FuzzEndpoint Endpoint, string Origin, byte[] Body, string ContentType, FuzzAuth Auth)
{
    public string Path => Endpoint switch
    {
        FuzzEndpoint.Commands => "/slack/commands",
        FuzzEndpoint.Events => "/slack/events",
        _ => "/slack/interactivity",
    };
}
