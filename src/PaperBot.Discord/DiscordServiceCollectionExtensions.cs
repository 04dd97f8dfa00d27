using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaperBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Adds the Discord adapter when section <c>Discord</c> has a bot token; otherwise adds nothing.</summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Maps the Discord adapter's HTTP endpoints, when the adapter is enabled.</summary>
    public static IEndpointRouteBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
