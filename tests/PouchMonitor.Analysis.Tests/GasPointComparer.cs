using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

/// <summary>Gas points equal field by field (records compare their list of other gases by reference).</summary>
internal sealed class GasPointComparer : IEqualityComparer<GasPoint>
{
    public static readonly GasPointComparer Instance = new();

    public bool Equals(GasPoint? x, GasPoint? y) =>
        x is not null && y is not null
        && (x with { OtherGasPercents = [] }) == (y with { OtherGasPercents = [] })
        && x.OtherGasPercents.SequenceEqual(y.OtherGasPercents);

    public int GetHashCode(GasPoint obj) => obj.Time.GetHashCode();
}
