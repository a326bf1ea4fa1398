using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Conversion;

/// <summary>
/// Collects the blanks' points as they are computed and subtracts them from the pouches that name them. The blanks
/// must come first: <see cref="Converter"/> orders them before the other pouches.
/// </summary>
internal sealed class PouchBlanks(IReadOnlyList<PouchSpec> pouches, StandardConditions standard)
{
    private readonly Dictionary<string, PouchSpec> _byId = pouches.ToDictionary(p => p.Id, StringComparer.Ordinal);

    private readonly Dictionary<string, BlankSeries> _series = pouches
        .Select(p => p.BlankId).OfType<string>().Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new BlankSeries(), StringComparer.Ordinal);

    /// <summary>Whether any pouch names a blank.</summary>
    public bool Any => _series.Count > 0;

    /// <summary>Whether a pouch is some pouch's blank.</summary>
    public bool IsBlank(string pouchId) => _series.ContainsKey(pouchId);

    /// <summary>Takes a pouch's next point: keeps it if the pouch is a blank, corrects it if the pouch has one.</summary>
    public GasPoint Pass(PouchSpec pouch, GasPoint point)
    {
        if (_series.TryGetValue(pouch.Id, out var own))
        {
            own.Add(point);
        }

        return pouch.BlankId is { } blankId ? BlankCorrection.Apply(point, pouch, _byId[blankId].Vessel, _series[blankId], standard) : point;
    }
}
