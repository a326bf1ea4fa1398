using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// InfluxDB line protocol of the mirrored measurements, millisecond precision. A series plus a timestamp
/// identifies a point, so writing the same point again overwrites it. No tag or field names the host that wrote it,
/// so hot-standby hosts mirroring the same readings write the same points (docs/scale.md).
/// </summary>
public static class LineProtocol
{
    /// <summary><c>pouch_reading</c>: pressure and temperature as measured.</summary>
    public static string Reading(SeriesTags tags, StoredReading reading) =>
        Point("pouch_reading", tags, reading.Time)
            .Field("pressure_pa", reading.PressurePa!.Value)
            .Field("temperature_c", reading.TemperatureC!.Value)
            .ToLineProtocol();

    /// <summary><c>pouch_gas</c>: the derived gas point; empty columns are left out, flags are a bit mask.</summary>
    public static string Gas(SeriesTags tags, GasPoint point)
    {
        var data = Point("pouch_gas", tags, point.Time)
            .Field("pressure_pa", point.PressurePa)
            .Field("temperature_c", point.TemperatureC)
            .Field("flags", (long)point.Flags);
        data = Optional(data, "dry_gas_ml_std", point.DryGasMlStd);
        data = Optional(data, "dry_gas_ml_std_per_g", point.DryGasMlStdPerG);
        data = Optional(data, "swelling_ml", point.SwellingMl);
        data = Optional(data, "swelling_ml_per_g", point.SwellingMlPerG);
        data = Optional(data, "h2_percent", point.H2Percent);
        data = Optional(data, "h2_ml_std", point.H2MlStd);
        data = Optional(data, "h2_ml_std_per_g", point.H2MlStdPerG);
        return data.ToLineProtocol();
    }

    /// <summary><c>pouch_alert</c>: 1 when an alert of <paramref name="kind"/> opens, 0 when it closes.</summary>
    public static string Alert(SeriesTags tags, string kind, DateTimeOffset time, bool open, double? value) =>
        Optional(Point("pouch_alert", tags, time).Tag("kind", kind).Field("open", open ? 1L : 0L), "value", value)
            .ToLineProtocol();

    /// <summary>
    /// <paramref name="line"/> with a <c>site</c> tag after its measurement; unchanged for an empty site.
    /// The site is a validated <see cref="InfluxOptions.Site"/>, so it needs no escaping.
    /// </summary>
    public static string WithSite(string line, string site)
    {
        ArgumentNullException.ThrowIfNull(line);
        return site.Length == 0 ? line : line.Insert(line.IndexOfAny([',', ' ']), ",site=" + site);
    }

    private static LineBuilder Point(string measurement, SeriesTags tags, DateTimeOffset time) =>
        LineBuilder.Measurement(measurement)
            .Tag("experiment", tags.Experiment)
            .Tag("pouch", tags.Pouch)
            .Tag("sample", tags.Sample)
            .Tag("device", tags.Device)
            .Timestamp(time.ToUnixTimeMilliseconds());

    private static LineBuilder Optional(LineBuilder data, string field, double? value) =>
        value is { } v && double.IsFinite(v) ? data.Field(field, v) : data;
}
