namespace PouchMonitor.Analysis;

/// <summary>What the measurement model needs to know about one slurry sample and its vessel.</summary>
/// <param name="Id">The pouch's id in its experiment.</param>
/// <param name="Sample">The material, e.g. "mSi@NHC-700-10".</param>
/// <param name="SlurryMassG">Slurry mass in g, &gt; 0.</param>
/// <param name="ActiveMassG">Active material mass in g, &gt; 0, when known.</param>
/// <param name="BaselineAt">The baseline is the first reading at or after this time; null: the first reading.</param>
/// <param name="Vessel">The vessel around the sample.</param>
/// <param name="SensorMaxPa">Upper limit of the sensor's pressure range in Pa (BME280/BMP280: 110 000 Pa).</param>
/// <param name="Group">The replicate group the pouch belongs to (null: none); its members are averaged in reports.</param>
public sealed record PouchSpec(
    string Id,
    string Sample,
    double SlurryMassG,
    double? ActiveMassG,
    DateTimeOffset? BaselineAt,
    Vessel Vessel,
    double SensorMaxPa = PouchSpec.Bme280MaxPressurePa,
    string? Group = null)
{
    /// <summary>Upper limit of the BME280/BMP280 pressure range in Pa (Bosch datasheets: 300–1100 hPa).</summary>
    public const double Bme280MaxPressurePa = 110_000;

    /// <summary>Fraction of <see cref="SensorMaxPa"/> above which a reading is flagged near-sensor-limit.</summary>
    public const double NearSensorLimitFraction = 0.95;

    /// <summary>This pouch's window for the baseline and event values (baselineMinutes); null: the experiment's.</summary>
    public TimeSpan? BaselineWindow { get; init; }

    /// <summary>Standard uncertainty of the vessel's gas volume (headspace or jar) in mL, for the uncertainty budget; 0: not given.</summary>
    public double GasVolumeUncertaintyMl { get; init; }

    /// <summary>The id of the blank vessel whose apparent gas is subtracted (experiment.json `blank`); null: none.</summary>
    public string? BlankId { get; init; }

    /// <summary>Silicon in the slurry in g (siliconMassG, or siliconFraction · activeMassG); null when not given.</summary>
    public double? SiliconMassG { get; init; }

    /// <summary>Gas expected by the end, in mL std g⁻¹ slurry, for the set-up range check (expectedGasMlPerG).</summary>
    public double ExpectedGasMlPerG { get; init; } = DefaultExpectedGasMlPerG;

    /// <summary>The seed paper's bare micro-Si after two weeks at 50 °C: 10.2 mL g⁻¹ slurry.</summary>
    public const double DefaultExpectedGasMlPerG = 10.2;

    /// <summary>Slurry mass in g, &gt; 0.</summary>
    public double SlurryMassG { get; } = Positive(SlurryMassG, nameof(SlurryMassG));

    /// <summary>Active material mass in g, &gt; 0, when known.</summary>
    public double? ActiveMassG { get; } = ActiveMassG is { } active ? Positive(active, nameof(ActiveMassG)) : null;

    /// <summary>Upper limit of the sensor's pressure range in Pa, &gt; 0.</summary>
    public double SensorMaxPa { get; } = Positive(SensorMaxPa, nameof(SensorMaxPa));

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive number.");
}
