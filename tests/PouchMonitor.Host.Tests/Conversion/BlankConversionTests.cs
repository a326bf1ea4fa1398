using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Tests.Conversion;

/// <summary>A pouch with a blank through `convert`: the blank is computed first and subtracted, scaled by the vessels' volumes.</summary>
public class BlankConversionTests
{
    // A1 (60 mL) and A2 (120 mL) share the blank Z9 (60 mL); Z9 sorts last by id but must be computed first.
    private const string Experiment = """
        { "experiment": "blanks", "pouches": [
          { "id": "A1", "sample": "mSi", "slurryMassG": 1.0, "blank": "Z9", "siliconMassG": 0.1, "vessel": { "kind": "headspace", "gasVolumeMl": 60 } },
          { "id": "A2", "sample": "mSi", "slurryMassG": 1.0, "blank": "Z9", "vessel": { "kind": "headspace", "gasVolumeMl": 120 } },
          { "id": "Z9", "sample": "water", "slurryMassG": 1.0, "vessel": { "kind": "headspace", "gasVolumeMl": 60 } } ] }
        """;

    // Every vessel reads the same: the blank's apparent gas equals A1's, so A1's corrected gas is 0; A2 has twice the
    // volume, so its uncorrected gas and the blank's share are both twice the blank's, and its corrected gas is 0 too.
    private const string Readings = """
        time,pouch,pressure_pa,temperature_c
        2026-11-01T08:00:00Z,A1,101325,50
        2026-11-01T09:00:00Z,A1,101500,50
        2026-11-01T08:00:00Z,A2,101325,50
        2026-11-01T09:00:00Z,A2,101500,50
        2026-11-01T08:00:00Z,Z9,101325,50
        2026-11-01T09:00:00Z,Z9,101500,50
        """;

    [Fact]
    public void Run_PouchesWithABlank_CorrectAndKeepTheUncorrected()
    {
        using var workspace = new Workspace();
        var request = new ConversionRequest(
            workspace.Write("experiment.json", Experiment), workspace.Write("readings.csv", Readings), null, null, workspace.Path("gas.csv"), null);

        Converter.Run(request);

        var gas = GasCsv.Load(request.OutPath);
        Assert.Equal(["Z9", "Z9", "A1", "A1", "A2", "A2"], gas.Rows.Select(r => r[1]));
        Assert.Equal([.. GasCsvWriter.BlankColumns, .. GasCsvWriter.SiliconColumns], gas.Header[^5..]);
        double blankMl = gas.Number(1, "dry_gas_ml_std")!.Value;
        Assert.True(blankMl > 0.05); // 175 Pa in 60 mL at 50 °C: 0.087 mL std
        Assert.Equal(0, gas.Number(3, "dry_gas_ml_std")!.Value, 1e-12);
        Assert.Equal(blankMl, gas.Number(3, "dry_gas_ml_std_uncorrected")!.Value, 1e-12);
        Assert.Equal(2 * blankMl, gas.Number(5, "blank_dry_gas_ml_std")!.Value, 1e-9);
        Assert.Equal(0, gas.Number(5, "dry_gas_ml_std")!.Value, 1e-9);
        Assert.Equal("", gas.Field(1, "blank_dry_gas_ml_std"));
    }
}
