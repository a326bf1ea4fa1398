namespace PouchMonitor.Host.Core;

/// <summary>One alert of one pouch, from when it opened until it closed.</summary>
/// <param name="Id">Store id, used to acknowledge it.</param>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Pouch">Pouch id.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="OpenedAt">When the host opened it.</param>
/// <param name="ClosedAt">When it closed (with hysteresis), or null while open.</param>
/// <param name="AcknowledgedAt">When someone acknowledged it, or null.</param>
/// <param name="Value">The value that opened it, in the unit of its threshold.</param>
/// <param name="Message">One line for people.</param>
public sealed record Alert(
    long Id,
    string Experiment,
    string Pouch,
    AlertKind Kind,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? AcknowledgedAt,
    double? Value,
    string Message);
