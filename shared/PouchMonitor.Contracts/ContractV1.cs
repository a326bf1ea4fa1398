namespace PouchMonitor.Contracts;

/// <summary>Version number and limits of MQTT contract v1 (see README.md in this folder).</summary>
/// <remarks>The firmware core repeats these numbers; a test in PouchMonitor.Firmware.Core.Tests keeps them equal.</remarks>
public static class ContractV1
{
    /// <summary>Schema version carried as <c>"v"</c> in every payload.</summary>
    public const int Version = 1;

    /// <summary>Largest payload a decoder accepts, in bytes (UTF-8).</summary>
    public const int MaxPayloadBytes = 16 * 1024;

    /// <summary>Most readings in one batch.</summary>
    public const int MaxReadingsPerBatch = 128;

    /// <summary>Highest sensor index; a board has at most 16 sensors, indexed 0–15.</summary>
    public const int MaxSensorIndex = 15;

    /// <summary>Lowest pressure a BME280/BMP280 reports as data, in Pa (Bosch datasheet operating range 300–1100 hPa).</summary>
    public const double MinPressurePa = 30_000;

    /// <summary>Highest pressure a BME280/BMP280 reports as data, in Pa.</summary>
    public const double MaxPressurePa = 110_000;

    /// <summary>Lowest temperature a BME280/BMP280 reports as data, in °C (Bosch datasheet operating range −40–85 °C).</summary>
    public const double MinTemperatureC = -40;

    /// <summary>Highest temperature a BME280/BMP280 reports as data, in °C.</summary>
    public const double MaxTemperatureC = 85;

    /// <summary>Earliest accepted UTC time stamp, Unix ms (2020-01-01T00:00:00Z): anything earlier is an unsynced clock.</summary>
    public const long MinUnixTimeMs = 1_577_836_800_000;

    /// <summary>Latest accepted UTC time stamp, Unix ms (2100-01-01T00:00:00Z).</summary>
    public const long MaxUnixTimeMs = 4_102_444_800_000;

    /// <summary>Longest uptime a device may report, in ms: the span of the accepted time stamps (80 years).</summary>
    /// <remarks>
    /// With uptime bounded by the span, a reading placed from an uptime (t₀ + (up − up₀)) lies within one span of
    /// 2020–2100, far inside the range of <see cref="DateTimeOffset"/>.
    /// </remarks>
    public const long MaxUptimeMs = MaxUnixTimeMs - MinUnixTimeMs;

    /// <summary>Shortest sampling or publishing interval, in s.</summary>
    public const int MinIntervalS = 1;

    /// <summary>Longest sampling or publishing interval, in s.</summary>
    public const int MaxIntervalS = 3600;

    /// <summary>Longest identify (blink) duration, in s.</summary>
    public const int MaxIdentifyS = 300;
}
