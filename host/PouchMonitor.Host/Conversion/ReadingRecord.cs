namespace PouchMonitor.Host.Conversion;

/// <summary>An accepted row of readings.csv, small enough to sort millions of them on disk.</summary>
/// <param name="PouchIndex">Index of the pouch in the conversion's pouch order.</param>
/// <param name="UtcTicks">Time of the reading, UTC ticks.</param>
/// <param name="PressurePa">Absolute pressure in Pa.</param>
/// <param name="TemperatureC">Temperature in °C.</param>
/// <param name="Line">Line number in readings.csv (the header is line 1).</param>
internal readonly record struct ReadingRecord(int PouchIndex, long UtcTicks, double PressurePa, double TemperatureC, long Line) : IComparable<ReadingRecord>
{
    public int CompareTo(ReadingRecord other)
    {
        int byPouch = PouchIndex.CompareTo(other.PouchIndex);
        if (byPouch != 0)
        {
            return byPouch;
        }

        int byTime = UtcTicks.CompareTo(other.UtcTicks);
        return byTime != 0 ? byTime : Line.CompareTo(other.Line);
    }
}
