namespace PouchMonitor.Host.Demo;

/// <summary>What the host recovered for one pouch of the seed replay, next to the rig's truth.</summary>
/// <param name="Pouch">Pouch id.</param>
/// <param name="Sample">Sample name.</param>
/// <param name="Group">Replicate group (null: none).</param>
/// <param name="GasMlStdPerG">
/// Evolved gas at day 14 per the host, the mean of its points in the hour before (a whole ripple period or more), in mL
/// g⁻¹ at standard conditions (null without a point).
/// </param>
/// <param name="TrueGasMlStdPerG">Evolved gas at day 14 per the rig's kinetics.</param>
/// <param name="H2PercentByGcDay">H₂ percent per the host just after each GC day.</param>
/// <param name="SwellingCrossedAt">When the rig's true swelling crossed the alert threshold (null: never).</param>
/// <param name="SwellingAlertAt">When the host opened a swelling alert (null: none).</param>
public sealed record PouchOutcome(
    string Pouch,
    string Sample,
    string? Group,
    double? GasMlStdPerG,
    double TrueGasMlStdPerG,
    IReadOnlyDictionary<double, double?> H2PercentByGcDay,
    DateTimeOffset? SwellingCrossedAt,
    DateTimeOffset? SwellingAlertAt);
