namespace PouchMonitor.Host.Alerts;

/// <summary>Alert thresholds (defaults and per experiment) and where alerts go.</summary>
public sealed class AlertOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Alerts";

    /// <summary>Thresholds of every experiment without its own entry.</summary>
    public AlertThresholds Defaults { get; set; } = new();

    /// <summary>Per experiment name; keys not set there take the built-in defaults.</summary>
    public Dictionary<string, AlertThresholds> Experiments { get; set; } = [];

    /// <summary>URLs that receive a JSON POST (with a Slack-compatible <c>text</c>) when an alert opens or closes.</summary>
    public List<Uri> Webhooks { get; set; } = [];

    /// <summary>How often device silence is checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The thresholds of <paramref name="experiment"/>.</summary>
    public AlertThresholds For(string experiment) => Experiments.GetValueOrDefault(experiment) ?? Defaults;
}
