namespace PouchMonitor.Analysis;

/// <summary>A vessel's gas volume fitted from a known injection (<see cref="VolumeCalibration"/>).</summary>
/// <param name="GasVolumeMl">The rigid gas volume the sensor reads, mL.</param>
/// <param name="UncertaintyMl">Its combined standard uncertainty (k = 1), mL.</param>
/// <param name="BeforeCount">Readings in the window before the injection.</param>
/// <param name="AfterCount">Readings in the window after it.</param>
/// <param name="StepPa">The pressure step at the injection time, Pa (the two lines' difference times the mean temperature).</param>
/// <param name="PressurePa">Mean pressure after the injection, Pa.</param>
/// <param name="TemperatureC">Mean temperature after the injection, °C.</param>
public sealed record VolumeFit(
    double GasVolumeMl, double UncertaintyMl, int BeforeCount, int AfterCount, double StepPa, double PressurePa, double TemperatureC)
{
    /// <summary>
    /// Pouch-in-jar: the jar's gas volume outside the pouch (jarGasVolumeMl), V_jar = V − V_p0 · P / (P − p_w): the
    /// wet pouch at the jar's pressure is compressed with the jar gas, so it counts P / (P − p_w) times its volume.
    /// </summary>
    /// <param name="pouchInitialGasMl">Gas in the pouch V_p0, mL.</param>
    /// <param name="wetPouch">Whether the pouch gas holds water vapour.</param>
    public double JarGasVolumeMl(double pouchInitialGasMl, bool wetPouch)
    {
        double vapourPa = wetPouch ? WaterVapour.SaturationPressurePa(TemperatureC) : 0;
        return GasVolumeMl - (pouchInitialGasMl * PressurePa / (PressurePa - vapourPa));
    }
}
