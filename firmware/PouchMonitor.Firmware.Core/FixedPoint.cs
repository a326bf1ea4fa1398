namespace PouchMonitor.Firmware.Core
{
    /// <summary>Conversion to hundredths, rounding half away from zero (nanoFramework's mscorlib has no Math.Round).</summary>
    public static class FixedPoint
    {
        /// <summary>Rounds <paramref name="value"/> × 100 to the nearest integer; the caller keeps it within ±9e16.</summary>
        public static long ToCenti(double value)
        {
            var scaled = value * 100;
            return scaled >= 0 ? (long)(scaled + 0.5) : -(long)(0.5 - scaled);
        }
    }
}
