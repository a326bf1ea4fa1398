using System.ComponentModel.DataAnnotations;

namespace PouchMonitor.Host.Storage;

/// <summary>The optional InfluxDB mirror (2.x or 3.x: both accept <c>/api/v2/write</c>).</summary>
public sealed class InfluxOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Influx";

    /// <summary>Server address; no mirror when empty.</summary>
    public Uri? Url { get; set; }

    /// <summary>Organisation (InfluxDB 2.x); any non-empty value for 3.x.</summary>
    public string Org { get; set; } = "";

    /// <summary>Bucket (2.x) or database (3.x).</summary>
    public string Bucket { get; set; } = "";

    /// <summary>API token.</summary>
    public string Token { get; set; } = "";

    /// <summary>Longest <see cref="Site"/>.</summary>
    public const int MaxSiteLength = 64;

    /// <summary>
    /// The <c>site</c> tag of every mirrored point, so hosts of several sites share one bucket; no tag when empty.
    /// Letters, digits, '.', '-' and '_' only, so it needs no escaping in line protocol or in a dashboard's query.
    /// </summary>
    public string Site { get; set; } = "";

    /// <summary>Lines per write request.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>First wait after a failed write; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when a server is configured.</summary>
    public bool IsEnabled => Url is not null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Site.Length > MaxSiteLength || !Site.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            yield return new ValidationResult(
                $"'{Site}' is not a site tag value: letters, digits, '.', '-' and '_' only, at most {MaxSiteLength}", [nameof(Site)]);
        }

        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Org))
        {
            yield return new ValidationResult("is required when Influx:Url is set", [nameof(Org)]);
        }

        if (string.IsNullOrWhiteSpace(Bucket))
        {
            yield return new ValidationResult("is required when Influx:Url is set", [nameof(Bucket)]);
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("is required when Influx:Url is set (any value for a server without authentication)", [nameof(Token)]);
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            yield return new ValidationResult("must be positive and at most MaxBackoff", [nameof(InitialBackoff)]);
        }
    }
}
