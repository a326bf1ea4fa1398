namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// One BME280/BMP280, implemented by the device layer over the Bmxx80 binding (selecting the TCA9548A channel first
    /// when the slot has one). The core does the validation: retries, re-initialisation, stuck and range checks.
    /// </summary>
    public interface ISensorPort
    {
        /// <summary>Where the sensor is wired and which chip is expected.</summary>
        SensorSlot Slot { get; }

        /// <summary>
        /// (Re)creates the driver: checks the chip id and configures forced mode, pressure oversampling ×16,
        /// temperature oversampling ×2, humidity skipped, IIR filter coefficient 4. Must not throw.
        /// </summary>
        SensorInit Initialize();

        /// <summary>
        /// Triggers one forced-mode measurement, waits for it, and returns the compensated values.
        /// Returns false (never throws) on any bus error; values may be NaN when the chip skipped a measurement.
        /// </summary>
        /// <param name="pressurePa">Absolute pressure in Pa.</param>
        /// <param name="temperatureC">Sensor temperature in °C.</param>
        bool TryRead(out double pressurePa, out double temperatureC);
    }
}
