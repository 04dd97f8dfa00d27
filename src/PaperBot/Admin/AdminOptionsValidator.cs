using Microsoft.Extensions.Options;

namespace PaperBot.Admin;

/// <summary>Start-up check of <c>Admin:Token</c>; the message never echoes the value.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (!options.HasToken)
        {
            return ValidateOptionsResult.Success;
        }

        var token = options.Token!;
        if (token.Trim().Length < AdminOptions.MinTokenLength || token.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return ValidateOptionsResult.Fail(
                $"Admin:Token must be at least {AdminOptions.MinTokenLength} characters without spaces, such as the output of `openssl rand -hex 24`; " +
                "or leave it empty so that /admin answers only on this machine");
        }

        return ValidateOptionsResult.Success;
    }
}
