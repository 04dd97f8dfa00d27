using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PaperBot.Core.Configuration;

public static class OptionsBuilderExtensions
{
    /// <summary>
    /// Validates the options by their data annotations, reporting each failure in the annotation's own words
    /// (PaperBot's messages name the key and the value to put there).
    /// </summary>
    /// <param name="builder">The options builder.</param>
    public static OptionsBuilder<TOptions> ValidateAnnotations<TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new AnnotationsValidator<TOptions>(builder.Name));
        return builder;
    }
}
