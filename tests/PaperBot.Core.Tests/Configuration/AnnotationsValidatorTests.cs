using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Core.Outbox;

namespace PaperBot.Core.Tests.Configuration;

/// <summary>A bad setting is reported in the annotation's own words, which name the key and what to put there.</summary>
public sealed class AnnotationsValidatorTests
{
    private static OptionsValidationException Fail(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddPaperBotCore(configuration).BuildServiceProvider();

        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DeliveryOptions>>().Value);
    }

    [Fact]
    public void Validate_OutOfRangeValue_FailsWithTheAnnotationsMessageAlone()
    {
        var failure = Assert.Single(Fail(("Delivery:CatchUpLimit", "0")).Failures);

        Assert.StartsWith("Delivery:CatchUpLimit must be", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("DataAnnotation validation failed", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoBadValues_ReportsBoth()
    {
        var failures = Fail(("Delivery:CatchUpLimit", "0"), ("Delivery:ParallelSends", "0")).Failures.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Delivery:ParallelSends", StringComparison.Ordinal));
    }
}
