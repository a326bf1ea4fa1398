namespace PouchMonitor.Host.Dashboard;

/// <summary>One pouch's curve on the trend chart.</summary>
/// <param name="Pouch">Pouch id.</param>
/// <param name="Sample">What is in it.</param>
/// <param name="Group">Its replicate group, or null.</param>
/// <param name="Colour">Its curve's colour (CSS hex) from the one palette the report uses too.</param>
/// <param name="BaselineAt">Day 0 of its curve: its first point with evolved gas.</param>
/// <param name="SourcePoints">Stored points in the requested range before downsampling.</param>
/// <param name="Days">Elapsed days since <paramref name="BaselineAt"/>.</param>
/// <param name="Values">Values in the response's unit, one per day value.</param>
public sealed record TrendSeries(
    string Pouch,
    string Sample,
    string? Group,
    string Colour,
    DateTimeOffset BaselineAt,
    int SourcePoints,
    IReadOnlyList<double> Days,
    IReadOnlyList<double> Values);
