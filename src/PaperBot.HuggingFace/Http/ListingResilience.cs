using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace PaperBot.HuggingFace.Http;

/// <summary>
/// Retries with exponential backoff (honouring a capped Retry-After) on 5xx, 408, 429, network errors
/// and timeouts, around a per-attempt timeout of <see cref="HuggingFaceOptions.RequestTimeout"/>.
/// </summary>
internal static class ListingResilience
{
    public const string PipelineName = "huggingface-listing";

    // Keeps a large MaxRetries from backing off for minutes inside one poll.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        builder.TimeProvider = time;

        // Polly refuses a retry strategy with zero attempts; MaxRetries 0 means "no retry strategy".
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !RetryAfter.IsBeyondCap(args.Outcome.Result, time)),
                // Null falls back to the exponential backoff.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Read(args.Outcome.Result, time)),
            });
        }

        builder.AddTimeout(options.RequestTimeout);
    }
}
