namespace PouchMonitor.Analysis;

/// <summary>Checks a reading before a calculator takes it.</summary>
internal static class ReadingGuard
{
    /// <exception cref="ArgumentException">The reading is older than the previous one, or not a finite number.</exception>
    public static void Check(string pouchId, PressureReading reading, DateTimeOffset? lastTime)
    {
        if (!double.IsFinite(reading.PressurePa) || !double.IsFinite(reading.TemperatureC))
        {
            throw new ArgumentException($"Pouch {pouchId}: the reading at {reading.Time:O} is not a finite number.", nameof(reading));
        }

        if (lastTime is { } last && reading.Time < last)
        {
            throw new ArgumentException($"Pouch {pouchId}: the reading at {reading.Time:O} is older than the previous one at {last:O}.", nameof(reading));
        }
    }
}
