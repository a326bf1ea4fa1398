namespace PouchMonitor.Host.Dashboard;

/// <summary>One raw quantity of a pouch against days since its baseline (as on the trend), downsampled per pixel column.</summary>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Days">Days since the raw response's <c>DayZero</c>; negative before it.</param>
/// <param name="Values">Values in <paramref name="Unit"/>.</param>
public sealed record RawDayChannel(string Unit, IReadOnlyList<double> Days, IReadOnlyList<double> Values);
