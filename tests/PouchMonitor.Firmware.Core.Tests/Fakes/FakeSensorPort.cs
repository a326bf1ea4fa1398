using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

/// <summary>A sensor whose answers the test scripts: a value source, a chip id result, and a number of failing reads.</summary>
internal sealed class FakeSensorPort(SensorSlot slot) : ISensorPort
{
    public FakeSensorPort(int sensorIndex)
        : this(new SensorSlot(sensorIndex, sensorIndex / 8, 0x76 + (sensorIndex % 2), SensorSlot.NoMux, SensorChip.Bme280))
    {
    }

    public SensorSlot Slot { get; } = slot;

    /// <summary>Pressure (Pa) and temperature (°C) of the n-th successful read.</summary>
    public Func<int, (double PressurePa, double TemperatureC)> Values { get; set; } =
        n => (100_000 + (n * 1.37), 50 + ((n % 7) * 0.01));

    public SensorInit InitResult { get; set; } = SensorInit.Ok;

    /// <summary>Reads that fail before reads succeed again.</summary>
    public int FailingReads { get; set; }

    public int Initializations { get; private set; }

    public int Reads { get; private set; }

    public SensorInit Initialize()
    {
        Initializations++;
        return InitResult;
    }

    public bool TryRead(out double pressurePa, out double temperatureC)
    {
        pressurePa = temperatureC = double.NaN;
        if (FailingReads > 0)
        {
            FailingReads--;
            return false;
        }

        (pressurePa, temperatureC) = Values(Reads++);
        return true;
    }
}
