using System.Text.Json;

namespace PouchMonitor.Contracts;

/// <summary>A command from the host to a device; publish its <see cref="ToPayload"/> with QoS 1 and never retained.</summary>
/// <remarks>A device ignores retained commands, so a stale <c>reboot</c> can never cause a reboot loop.</remarks>
public sealed record DeviceCommand
{
    private DeviceCommand(CommandKind kind, int? intervalS, int? publishIntervalS, int? durationS)
    {
        Kind = kind;
        IntervalS = intervalS;
        PublishIntervalS = publishIntervalS;
        DurationS = durationS;
    }

    /// <summary>What the device is asked to do.</summary>
    public CommandKind Kind { get; }

    /// <summary>New sampling interval in s (1–3600), for <see cref="CommandKind.SetInterval"/>.</summary>
    public int? IntervalS { get; }

    /// <summary>New publish interval in s (1–3600), optional for <see cref="CommandKind.SetInterval"/>.</summary>
    public int? PublishIntervalS { get; }

    /// <summary>Blink duration in s (1–300), for <see cref="CommandKind.Identify"/>.</summary>
    public int? DurationS { get; }

    /// <summary>Sets the sampling interval, and the publish interval when given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval is outside 1–3600 s.</exception>
    public static DeviceCommand SetInterval(int intervalS, int? publishIntervalS = null)
    {
        CheckInterval(intervalS, nameof(intervalS));
        if (publishIntervalS is { } p)
        {
            CheckInterval(p, nameof(publishIntervalS));
        }

        return new(CommandKind.SetInterval, intervalS, publishIntervalS, null);
    }

    /// <summary>Blinks the board's LED.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="durationS"/> is outside 1–300 s.</exception>
    public static DeviceCommand Identify(int durationS)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(durationS, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(durationS, ContractV1.MaxIdentifyS);
        return new(CommandKind.Identify, null, null, durationS);
    }

    /// <summary>Restarts the device.</summary>
    public static DeviceCommand Reboot() => new(CommandKind.Reboot, null, null, null);

    /// <summary>Asks the device to publish its configuration.</summary>
    public static DeviceCommand ReportConfig() => new(CommandKind.ReportConfig, null, null, null);

    /// <summary>The UTF-8 JSON payload, for example <c>{"v":1,"cmd":"set-interval","intervalS":60}</c>.</summary>
    public byte[] ToPayload()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("v", ContractV1.Version);
            json.WriteString("cmd", KindCode(Kind));
            WriteIfSet(json, "intervalS", IntervalS);
            WriteIfSet(json, "publishIntervalS", PublishIntervalS);
            WriteIfSet(json, "durationS", DurationS);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string KindCode(CommandKind kind) => kind switch
    {
        CommandKind.SetInterval => "set-interval",
        CommandKind.Identify => "identify",
        CommandKind.Reboot => "reboot",
        _ => "report-config",
    };

    private static void WriteIfSet(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    private static void CheckInterval(int intervalS, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalS, ContractV1.MinIntervalS, paramName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intervalS, ContractV1.MaxIntervalS, paramName);
    }
}
