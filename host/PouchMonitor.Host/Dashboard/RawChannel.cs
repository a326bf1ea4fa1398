namespace PouchMonitor.Host.Dashboard;

/// <summary>One raw quantity of a pouch against time, downsampled per pixel column.</summary>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Days">Days since the response's <c>DayZero</c> (negative before it), as on the trend.</param>
/// <param name="Values">Values in <paramref name="Unit"/>.</param>
public sealed record RawChannel(string Unit, IReadOnlyList<double> Days, IReadOnlyList<double> Values);
