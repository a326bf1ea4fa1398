namespace PouchMonitor.Host.Dashboard;

/// <summary>One raw quantity of a pouch against time, downsampled per pixel column.</summary>
/// <param name="Unit">Unit of the values.</param>
/// <param name="TimeS">Unix time in seconds.</param>
/// <param name="Values">Values in <paramref name="Unit"/>.</param>
public sealed record RawChannel(string Unit, IReadOnlyList<double> TimeS, IReadOnlyList<double> Values);
