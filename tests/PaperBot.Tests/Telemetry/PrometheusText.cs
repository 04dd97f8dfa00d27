using System.Globalization;

namespace PaperBot.Tests.Telemetry;

/// <summary>Reads samples out of a Prometheus text exposition: <c>name{label="value",...} number</c> lines.</summary>
internal sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples(name).Where(s => labels.All(l => s.Labels.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal))).Sum(s => s.Value);

    /// <summary>Whether any sample of <paramref name="name"/> is exported.</summary>
    public bool Has(string name) => Samples(name).Any();

    private IEnumerable<(string Labels, double Value)> Samples(string name)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            string labels;
            if (rest.StartsWith('{'))
            {
                var end = rest.IndexOf('}', StringComparison.Ordinal);
                labels = rest[1..end];
                rest = rest[(end + 1)..];
            }
            else if (rest.StartsWith(' '))
            {
                labels = "";
            }
            else
            {
                continue;
            }

            var value = rest.Trim().Split(' ')[0];
            yield return (labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
