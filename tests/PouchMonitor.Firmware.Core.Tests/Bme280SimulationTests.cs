using System.Device.I2c;
using PouchMonitor.Firmware.Core.Tests.Fakes;
using PouchMonitor.Simulator;

namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>
/// The core reading emulated BME280/BMP280 registers through the desktop Bmxx80 driver (Iot.Device.Bindings 4.2.0)
/// gets back the pressure and temperature put into the chip.
/// </summary>
public class Bme280SimulationTests
{
    [Fact]
    public void Compensation_DatasheetExample_GivesDatasheetValues()
    {
        // BST-BMP280-DS001 §3.12: adc_T 519888 → t_fine 128422, 25.08 °C; adc_P 415148 → 100653.27 Pa (double formulas).
        var c = Bmx280Calibration.DatasheetExample;
        var fine = Bmx280Compensation.TemperatureFine(c, 519888);

        Assert.Equal(25.08, fine / 5120, 0.01);
        Assert.Equal(128422, fine, 1.0);
        Assert.Equal(100653.27, Bmx280Compensation.PressurePa(c, fine, 415148), 0.01);
    }

    [Theory]
    [InlineData(25.08, 100653.27)]
    [InlineData(50.0, 101325.0)]
    [InlineData(-40.0, 30000.0)]
    [InlineData(85.0, 110000.0)]
    public void RawValues_TrueValues_CompensateBackWithinOneAdcStep(double temperatureC, double pressurePa)
    {
        var c = Bmx280Calibration.DatasheetExample;

        var rawT = Bmx280Compensation.RawTemperature(c, temperatureC);
        var fine = Bmx280Compensation.TemperatureFine(c, rawT);
        var rawP = Bmx280Compensation.RawPressure(c, fine, pressurePa);

        // One ADC step is about 0.0003 °C and 0.2 Pa with these coefficients; the nearest step is within half of it.
        Assert.Equal(temperatureC, fine / 5120, 0.0003);
        Assert.Equal(pressurePa, Bmx280Compensation.PressurePa(c, fine, rawP), 0.1);
    }

    [Theory]
    [InlineData(Bme280RegisterMap.Bme280ChipId, SensorChip.Bme280, 50.0, 101325.0)]
    [InlineData(Bme280RegisterMap.Bmp280ChipId, SensorChip.Bmp280, 48.3, 104567.89)]
    [InlineData(Bme280RegisterMap.Bme280ChipId, SensorChip.Bme280, -12.5, 30123.4)]
    [InlineData(Bme280RegisterMap.Bme280ChipId, SensorChip.Bme280, 84.9, 109876.5)]
    public void TryRead_DesktopDriverOverEmulatedChip_ReturnsTrueValues(byte chipId, SensorChip chip, double temperatureC, double pressurePa)
    {
        var registers = new Bme280RegisterMap(chipId) { TemperatureC = temperatureC, PressurePa = pressurePa };
        using var port = Port(0, chip, registers);

        Assert.Equal(SensorInit.Ok, port.Initialize());
        Assert.True(port.TryRead(out var readPa, out var readC));

        Assert.Equal(pressurePa, readPa, 0.1);
        Assert.Equal(temperatureC, readC, 0.0003);
        Assert.Equal(1, registers.Conversions);
    }

    [Fact]
    public void Tick_CoreOverEmulatedChips_PublishesTheValuesPutIn()
    {
        var chips = new[] { (50.0, 101325.0), (49.87, 103210.55), (51.2, 99870.01) }
            .Select(v => new Bme280RegisterMap { TemperatureC = v.Item1, PressurePa = v.Item2 }).ToArray();
        var ports = chips.Select((registers, i) => Port(i, SensorChip.Bme280, registers)).ToArray();
        var transport = new FakeTransport();
        var clock = new FakeClock();
        var core = new FirmwareCore(Board.DeviceId, ports, new FakeFlash(ReadingRing.RequiredBytes(100)), new FakeFlash(StateStore.RequiredBytes), transport, clock, new FakePlatform(), new Random(1), Board.Mac);
        core.Start();

        core.Tick();
        chips[1].PressurePa = 103300.0;
        clock.Advance(10_000);
        core.Tick();

        // The chip's IIR filter (coefficient 4, as the port configures it) passes a quarter of the step per conversion:
        // 103210.55 + 89.45 / 4 = 103232.91; it works on raw ADC counts, so the compensated value is 103232.8.
        var readings = Delivered.Batches(transport).SelectMany(b => b.Readings).ToList();
        Assert.Equal([101325.0, 103210.55, 99870.01, 101325.0, 103232.8, 99870.01], readings.Select(r => r.PressurePa!.Value), new Tolerance(0.1));
        Assert.Equal([50.0, 49.87, 51.2, 50.0, 49.87, 51.2], readings.Select(r => r.TemperatureC!.Value), new Tolerance(0.005));
        Array.ForEach(ports, p => p.Dispose());
    }

    [Fact]
    public void Initialize_Bmp280WhereBme280Configured_ReportsWrongChipId()
    {
        using var port = Port(0, SensorChip.Bme280, new Bme280RegisterMap(Bme280RegisterMap.Bmp280ChipId));

        Assert.Equal(SensorInit.WrongChipId, port.Initialize());
    }

    [Fact]
    public void TryRead_UnpluggedSensor_FailsThenRecoversAfterReinit()
    {
        var registers = new Bme280RegisterMap { PressurePa = 100000 };
        var device = new SimulatedI2cDevice(new I2cConnectionSettings(0, 0x76), registers);
        using var port = new Bmx280SensorPort(new SensorSlot(0, 0, 0x76, SensorSlot.NoMux, SensorChip.Bme280), () => device);
        port.Initialize();

        device.Disconnected = true;
        var whileUnplugged = (port.TryRead(out _, out _), port.Initialize());
        device.Disconnected = false;

        Assert.Equal((false, SensorInit.BusError), whileUnplugged);
        Assert.Equal(SensorInit.Ok, port.Initialize());
        Assert.True(port.TryRead(out var pressurePa, out _));
        Assert.Equal(100000, pressurePa, 0.1);
    }

    [Fact]
    public void Read_FrozenChip_ReportedStuck()
    {
        var registers = new Bme280RegisterMap { PressurePa = 100000, TemperatureC = 50 };
        using var port = Port(0, SensorChip.Bme280, registers);
        var channel = new SensorChannel(port);
        var reading = new Reading();
        channel.Read(reading);
        registers.Frozen = true;

        for (var i = 0; i < SensorChannel.StuckLimit; i++)
        {
            registers.PressurePa += 10;
            channel.Read(reading);
        }

        Assert.Equal(SensorFault.Stuck, reading.Fault);
    }

    private static Bmx280SensorPort Port(int sensorIndex, SensorChip chip, Bme280RegisterMap registers)
    {
        var slot = new SensorSlot(sensorIndex, 0, 0x76, SensorSlot.NoMux, chip);
        return new Bmx280SensorPort(slot, () => new SimulatedI2cDevice(new I2cConnectionSettings(0, 0x76), registers));
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
