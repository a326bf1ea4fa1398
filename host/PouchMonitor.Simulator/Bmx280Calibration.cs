namespace PouchMonitor.Simulator;

/// <summary>The factory trimming coefficients of a BME280/BMP280 (registers 0x88–0xA1 and 0xE1–0xE7).</summary>
/// <remarks>Names follow the Bosch datasheets (dig_T1 … dig_H6).</remarks>
public sealed record Bmx280Calibration(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    /// <summary>
    /// The example coefficients of the BMP280 datasheet (BST-BMP280-DS001, §3.12, the ones dotnet/iot's Bmp280 test
    /// uses) with typical BME280 humidity coefficients.
    /// </summary>
    public static Bmx280Calibration DatasheetExample { get; } = new(
        27504, 26435, -1000,
        36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
        75, 362, 0, 313, 50, 30);
}
