namespace PouchMonitor.Contracts;

/// <summary>Wire codes of <see cref="SensorFault"/> (the <c>"fault"</c> field of a reading).</summary>
public static class SensorFaultCodes
{
    /// <summary>Code of <see cref="SensorFault.ChipId"/>.</summary>
    public const string ChipId = "chip-id";

    /// <summary>Code of <see cref="SensorFault.I2c"/>.</summary>
    public const string I2c = "i2c";

    /// <summary>Code of <see cref="SensorFault.Stuck"/>.</summary>
    public const string Stuck = "stuck";

    /// <summary>Code of <see cref="SensorFault.OutOfRange"/>.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>The wire code of a fault.</summary>
    public static string ToCode(SensorFault fault) => fault switch
    {
        SensorFault.ChipId => ChipId,
        SensorFault.I2c => I2c,
        SensorFault.Stuck => Stuck,
        SensorFault.OutOfRange => OutOfRange,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown sensor fault."),
    };

    /// <summary>Parses a wire code; false for an unknown code.</summary>
    public static bool TryParse(string? code, out SensorFault fault)
    {
        (var known, fault) = code switch
        {
            ChipId => (true, SensorFault.ChipId),
            I2c => (true, SensorFault.I2c),
            Stuck => (true, SensorFault.Stuck),
            OutOfRange => (true, SensorFault.OutOfRange),
            _ => (false, default),
        };
        return known;
    }
}
