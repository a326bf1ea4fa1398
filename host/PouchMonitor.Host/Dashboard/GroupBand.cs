namespace PouchMonitor.Host.Dashboard;

/// <summary>A replicate group's mean ± SD on the comparison chart (a pouch without a group is a group of one).</summary>
/// <param name="Group">The group's name (experiment.json <c>group</c>), or the pouch id of a pouch without one.</param>
/// <param name="Pouches">Its pouches that have data, in file order.</param>
/// <param name="Samples">Their sample names, each once.</param>
/// <param name="Colour">Its colour (CSS hex): its first pouch's.</param>
/// <param name="Days">The common grid, days since each member's baseline.</param>
/// <param name="Mean">Mean of the members at each day, in the response's unit.</param>
/// <param name="Sd">Sample SD (n − 1) of the members at each day; null for a group of one.</param>
public sealed record GroupBand(
    string Group,
    IReadOnlyList<string> Pouches,
    IReadOnlyList<string> Samples,
    string Colour,
    IReadOnlyList<double> Days,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double?> Sd);
