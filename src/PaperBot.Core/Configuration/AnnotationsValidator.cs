using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PaperBot.Core.Configuration;

/// <summary>
/// Validates an options class by its data annotations, as <c>ValidateDataAnnotations</c> does, but reports each failure
/// as the annotation's own message ("HuggingFace:PollInterval must be between ..."), which already names the key and
/// says what to put there, without .NET's "DataAnnotation validation failed for ... members" wrapper around it.
/// </summary>
internal sealed class AnnotationsValidator<TOptions>(string? name) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? optionsName, TOptions options)
    {
        if (name is not null && name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"{string.Join(", ", r.MemberNames)} is not valid"));
    }
}
