using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Workers;

namespace PaperBot.Admin;

/// <summary>The operator page at <c>/admin</c> (section <c>Admin</c>).</summary>
internal static class AdminExtensions
{
    public static IServiceCollection AddPaperBotAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "paperbot_antiforgery";
            o.Cookie.Path = "/admin";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__antiforgery";
        });
        services.TryAddSingleton<AdminAccess>();
        services.TryAddSingleton<AdminReport>();

        // "Poll now" reaches the PollerWorker through this.
        services.TryAddSingleton<PollRequests>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaperBotAdmin(this IEndpointRouteBuilder endpoints)
    {
        AdminEndpoints.Map(endpoints);
        return endpoints;
    }
}
