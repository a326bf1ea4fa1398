using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Reads one sensor and decides whether the result is data or a fault: chip id at start, bus errors retried then
    /// the sensor re-initialised, NaN and out-of-range values and stuck sensors reported as faults, never as data.
    /// </summary>
    public sealed class SensorChannel
    {
        /// <summary>Reads tried before the sensor is re-initialised.</summary>
        public const int ReadAttempts = 3;

        /// <summary>
        /// Identical readings in a row (pressure to 0.01 Pa and temperature to 0.01 °C) that mark a sensor as stuck:
        /// a BME280 whose forced conversion no longer triggers keeps returning its last result. A live sensor at
        /// ×16 oversampling repeats both values six times in a row far less than once in a two-week test.
        /// </summary>
        public const int StuckLimit = 6;

        private readonly ISensorPort _port;
        private bool _initialized;
        private long _lastPressureCentiPa;
        private int _lastTemperatureCentiC;
        private int _identicalCount;

        /// <summary>Wraps a port; the sensor is initialised on the first <see cref="Read"/>.</summary>
        public SensorChannel(ISensorPort port)
        {
            _port = port ?? throw new ArgumentNullException(nameof(port));
        }

        /// <summary>Where the sensor is wired.</summary>
        public SensorSlot Slot => _port.Slot;

        /// <summary>Reads the sensor into <paramref name="reading"/>: sets its sensor index and either the values or a fault.</summary>
        public void Read(Reading reading)
        {
            reading.SensorIndex = _port.Slot.SensorIndex;
            reading.PressureCentiPa = 0;
            reading.TemperatureCentiC = 0;
            reading.Fault = ReadValidated(reading);
        }

        private SensorFault ReadValidated(Reading reading)
        {
            var init = EnsureInitialized();
            if (init != SensorFault.None)
            {
                return init;
            }

            double pressurePa;
            double temperatureC;
            if (!TryReadWithRetries(out pressurePa, out temperatureC))
            {
                _initialized = false;
                init = EnsureInitialized();
                if (init != SensorFault.None)
                {
                    return init;
                }

                if (!_port.TryRead(out pressurePa, out temperatureC))
                {
                    _initialized = false;
                    return SensorFault.I2c;
                }
            }

            return Validate(pressurePa, temperatureC, reading);
        }

        private SensorFault Validate(double pressurePa, double temperatureC, Reading reading)
        {
            if (!InRange(pressurePa, ContractLimits.MinPressureCentiPa, ContractLimits.MaxPressureCentiPa)
                || !InRange(temperatureC, ContractLimits.MinTemperatureCentiC, ContractLimits.MaxTemperatureCentiC))
            {
                return SensorFault.OutOfRange;
            }

            var pressureCentiPa = FixedPoint.ToCenti(pressurePa);
            var temperatureCentiC = (int)FixedPoint.ToCenti(temperatureC);
            if (_identicalCount > 0 && pressureCentiPa == _lastPressureCentiPa && temperatureCentiC == _lastTemperatureCentiC)
            {
                _identicalCount++;
            }
            else
            {
                _identicalCount = 1;
                _lastPressureCentiPa = pressureCentiPa;
                _lastTemperatureCentiC = temperatureCentiC;
            }

            if (_identicalCount >= StuckLimit)
            {
                // Re-arming the chip is the only remedy the firmware has; the run of identical values decides when it worked.
                _initialized = false;
                return SensorFault.Stuck;
            }

            reading.PressureCentiPa = pressureCentiPa;
            reading.TemperatureCentiC = temperatureCentiC;
            return SensorFault.None;
        }

        private SensorFault EnsureInitialized()
        {
            if (_initialized)
            {
                return SensorFault.None;
            }

            var init = _port.Initialize();
            _initialized = init == SensorInit.Ok;
            return init == SensorInit.Ok ? SensorFault.None : init == SensorInit.WrongChipId ? SensorFault.ChipId : SensorFault.I2c;
        }

        private bool TryReadWithRetries(out double pressurePa, out double temperatureC)
        {
            for (var attempt = 0; attempt < ReadAttempts; attempt++)
            {
                if (_port.TryRead(out pressurePa, out temperatureC))
                {
                    return true;
                }
            }

            pressurePa = 0;
            temperatureC = 0;
            return false;
        }

        // True when value rounds to hundredths within [minCenti, maxCenti]; NaN fails every comparison.
        private static bool InRange(double value, long minCenti, long maxCenti) =>
            value * 100 >= minCenti - 0.5 && value * 100 < maxCenti + 0.5;
    }
}
