using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Core.Commands;
using PaperBot.Core.Commands.Handlers;
using PaperBot.Core.Semantic;

namespace PaperBot.Semantic;

public static class SemanticServiceCollectionExtensions
{
    /// <summary>
    /// Registers the offline sentence model (section <c>Semantic</c>) behind <see cref="ITextEmbedder"/>. The model
    /// is loaded on first use, not here; the background
    /// embedder (<see cref="EmbeddingWorker"/>) needs an <see cref="IEmbeddingStore"/> registered by the storage project.
    /// </summary>
    public static IServiceCollection AddPaperBotSemantic(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SemanticOptions>()
            .Bind(configuration.GetSection(SemanticOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<MiniLmEmbedder>();
        services.TryAddSingleton<ITextEmbedder>(sp => sp.GetRequiredService<MiniLmEmbedder>());
        services.TryAddSingleton<PaperVectors>();
        services.TryAddSingleton<EmbeddingProgress>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<EmbeddingWorker>();

        // The commands that exist only with the model; today, search and saved take PaperVectors when it is here.
        services.AddSingleton<ICommandHandler, SimilarCommand>();
        services.AddSingleton<ICommandHandler, RecommendCommand>();
        return services;
    }
}
