using System.Buffers.Binary;

namespace PouchMonitor.Simulator;

/// <summary>
/// The registers of a BME280 or BMP280 as a driver sees them: chip id, calibration block, control registers, and
/// data registers holding the raw ADC values of the true <see cref="PressurePa"/> and <see cref="TemperatureC"/>
/// (the inverse of Bosch's compensation, see <see cref="Bmx280Compensation"/>).
/// </summary>
/// <remarks>
/// Forced mode written to ctrl_meas starts a conversion, made when the driver first reads a data register after it (the
/// chip then returns to sleep, as the real one does); in normal mode every read of the data registers makes one.
/// <see cref="Converting"/> runs first, so a simulation can give the chip the values of that moment: the moment the
/// firmware stamps the reading, however long a busy machine took between trigger and readout.
/// The IIR filter of the config register acts on the raw temperature and pressure as the chip's does (datasheet
/// §3.4.4: filtered = (filtered_old · (c − 1) + adc) / c, started by the first conversion after a reset), so a step
/// takes the chip's time to come through. Not emulated: measurement timing, humidity (raw 0x8000, "skipped"), SPI.
/// Thread-safe.
/// </remarks>
public sealed class Bme280RegisterMap
{
    /// <summary>Chip id of a BME280.</summary>
    public const byte Bme280ChipId = 0x60;

    /// <summary>Chip id of a BMP280.</summary>
    public const byte Bmp280ChipId = 0x58;

    private const byte ChipIdRegister = 0xD0;
    private const byte ResetRegister = 0xE0;
    private const byte CtrlHumRegister = 0xF2;
    private const byte CtrlMeasRegister = 0xF4;
    private const byte ConfigRegister = 0xF5;
    private const byte PressureRegister = 0xF7;
    private const byte TemperatureRegister = 0xFA;
    private const byte HumidityRegister = 0xFD;
    private const int SkippedRaw = 0x80000;

    private readonly Lock _sync = new();
    private readonly byte[] _registers = new byte[256];
    private readonly Bmx280Calibration _calibration;
    private double _pressurePa = 101325;
    private double _temperatureC = 25;
    private double _filteredRawT = double.NaN;
    private double _filteredRawP = double.NaN;
    private bool _frozen;
    private bool _conversionPending;
    private int _conversions;

    /// <summary>Creates a chip with the given id (<see cref="Bme280ChipId"/> or <see cref="Bmp280ChipId"/>) and calibration.</summary>
    public Bme280RegisterMap(byte chipId = Bme280ChipId, Bmx280Calibration? calibration = null)
    {
        _calibration = calibration ?? Bmx280Calibration.DatasheetExample;
        _registers[ChipIdRegister] = chipId;
        WriteCalibration(_calibration);
        StoreRaw(PressureRegister, SkippedRaw);
        StoreRaw(TemperatureRegister, SkippedRaw);
        _registers[HumidityRegister] = 0x80;
    }

    /// <summary>True absolute pressure the next conversion measures, in Pa.</summary>
    public double PressurePa
    {
        get { lock (_sync) { return _pressurePa; } }
        set { lock (_sync) { _pressurePa = value; } }
    }

    /// <summary>True temperature the next conversion measures, in °C.</summary>
    public double TemperatureC
    {
        get { lock (_sync) { return _temperatureC; } }
        set { lock (_sync) { _temperatureC = value; } }
    }

    /// <summary>When true, conversions leave the data registers as they are: a stuck sensor.</summary>
    public bool Frozen
    {
        get { lock (_sync) { return _frozen; } }
        set { lock (_sync) { _frozen = value; } }
    }

    /// <summary>Runs at each conversion before it measures <see cref="PressurePa"/> and <see cref="TemperatureC"/> (null: nothing).</summary>
    public Action? Converting { get; init; }

    /// <summary>Conversions made so far.</summary>
    public int Conversions
    {
        get { lock (_sync) { return _conversions; } }
    }

    /// <summary>Reads one register.</summary>
    public byte Read(byte register)
    {
        lock (_sync)
        {
            if ((register == PressureRegister && (_registers[CtrlMeasRegister] & 0b11) == 0b11)
                || (_conversionPending && register is >= PressureRegister and <= HumidityRegister + 1))
            {
                _conversionPending = false;
                Convert();
            }

            return _registers[register];
        }
    }

    /// <summary>Writes one register; writes to read-only registers are ignored, as the chip does.</summary>
    public void Write(byte register, byte value)
    {
        lock (_sync)
        {
            switch (register)
            {
                case ResetRegister when value == 0xB6:
                    _registers[CtrlHumRegister] = 0;
                    _registers[CtrlMeasRegister] = 0;
                    _registers[ConfigRegister] = 0;
                    _filteredRawT = double.NaN;
                    _filteredRawP = double.NaN;
                    break;
                case CtrlHumRegister or ConfigRegister:
                    _registers[register] = value;
                    break;
                case CtrlMeasRegister:
                    _registers[register] = value;
                    if ((value & 0b11) is 0b01 or 0b10)
                    {
                        _conversionPending = true;
                        _registers[register] = (byte)(value & ~0b11);
                    }

                    break;
            }
        }
    }

    private void Convert()
    {
        Converting?.Invoke();
        _conversions++;
        if (_frozen)
        {
            return;
        }

        var ctrlMeas = _registers[CtrlMeasRegister];
        var rawT = Bmx280Compensation.RawTemperature(_calibration, _temperatureC);
        var rawP = Bmx280Compensation.RawPressure(_calibration, Bmx280Compensation.TemperatureFine(_calibration, rawT), _pressurePa);
        var coefficient = FilterCoefficient(_registers[ConfigRegister]);
        _filteredRawT = Filter(_filteredRawT, rawT, coefficient);
        _filteredRawP = Filter(_filteredRawP, rawP, coefficient);
        StoreRaw(TemperatureRegister, (ctrlMeas >> 5) == 0 ? SkippedRaw : (int)Math.Round(_filteredRawT));
        StoreRaw(PressureRegister, ((ctrlMeas >> 2) & 0b111) == 0 ? SkippedRaw : (int)Math.Round(_filteredRawP));
    }

    // config bits 4:2: 0 off, then 2, 4, 8, 16 (values above 4 also mean 16).
    private static int FilterCoefficient(byte config) => 1 << Math.Min((config >> 2) & 0b111, 4);

    private static double Filter(double filtered, int raw, int coefficient) =>
        double.IsNaN(filtered) ? raw : ((filtered * (coefficient - 1)) + raw) / coefficient;

    // A 20-bit value as msb, lsb and the high nibble of xlsb.
    private void StoreRaw(byte register, int raw)
    {
        _registers[register] = (byte)(raw >> 12);
        _registers[register + 1] = (byte)(raw >> 4);
        _registers[register + 2] = (byte)((raw & 0xF) << 4);
    }

    private void WriteCalibration(Bmx280Calibration c)
    {
        ReadOnlySpan<short> words = [(short)c.T1, c.T2, c.T3, (short)c.P1, c.P2, c.P3, c.P4, c.P5, c.P6, c.P7, c.P8, c.P9];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(_registers.AsSpan(0x88 + (2 * i)), words[i]);
        }

        if (_registers[ChipIdRegister] != Bme280ChipId)
        {
            return;
        }

        _registers[0xA1] = c.H1;
        BinaryPrimitives.WriteInt16LittleEndian(_registers.AsSpan(0xE1), c.H2);
        _registers[0xE3] = c.H3;
        _registers[0xE4] = (byte)(c.H4 >> 4);
        _registers[0xE5] = (byte)((c.H4 & 0xF) | ((c.H5 & 0xF) << 4));
        _registers[0xE6] = (byte)(c.H5 >> 4);
        _registers[0xE7] = (byte)c.H6;
    }
}
