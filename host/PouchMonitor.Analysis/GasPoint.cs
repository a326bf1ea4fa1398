namespace PouchMonitor.Analysis;

/// <summary>Evolved gas of one pouch at one reading. Null means "not applicable" (before the baseline, no GC data, no active mass…).</summary>
/// <remarks>Volumes are at the experiment's standard conditions unless named otherwise; see docs/measurement-model.md.</remarks>
public sealed record GasPoint
{
    /// <summary>When the reading was taken.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Absolute pressure in Pa, as read.</summary>
    public required double PressurePa { get; init; }

    /// <summary>Gas temperature in °C, as read.</summary>
    public required double TemperatureC { get; init; }

    /// <summary>Dry gas now in the vessel under study (headspace, or inside the pouch), N(t), in mL std.</summary>
    public double? VesselDryGasMlStd { get; init; }

    /// <summary>Cumulative evolved dry gas G(t) in mL std, counting gas removed by events.</summary>
    public double? DryGasMlStd { get; init; }

    /// <summary><see cref="DryGasMlStd"/> per g of slurry, in mL std g⁻¹.</summary>
    public double? DryGasMlStdPerG { get; init; }

    /// <summary><see cref="DryGasMlStd"/> per g of active material, in mL std g⁻¹.</summary>
    public double? DryGasMlStdPerGActive { get; init; }

    /// <summary>Pouch volume change V_p − V_p0 in mL at the reading's conditions (pouch-in-jar only).</summary>
    public double? SwellingMl { get; init; }

    /// <summary><see cref="SwellingMl"/> per g of slurry, in mL g⁻¹.</summary>
    public double? SwellingMlPerG { get; init; }

    /// <summary>H₂ in percent of the dry gas under study, from GC results.</summary>
    public double? H2Percent { get; init; }

    /// <summary>H₂ made so far, H(t), in mL std, counting H₂ removed by events.</summary>
    public double? H2MlStd { get; init; }

    /// <summary><see cref="H2MlStd"/> per g of slurry, in mL std g⁻¹.</summary>
    public double? H2MlStdPerG { get; init; }

    /// <summary><see cref="H2MlStd"/> per g of active material, in mL std g⁻¹.</summary>
    public double? H2MlStdPerGActive { get; init; }

    /// <summary>How <see cref="H2Percent"/> was obtained.</summary>
    public H2Basis? H2Basis { get; init; }

    /// <summary>Other gases from the GC results, in percent, in the order of <see cref="GasCompositionTimeline.OtherGases"/>.</summary>
    public IReadOnlyList<double?> OtherGasPercents { get; init; } = [];

    /// <summary><see cref="H2MlStd"/> per g of silicon (siliconMassG), in mL std g⁻¹ Si.</summary>
    public double? H2MlStdPerGSilicon { get; init; }

    /// <summary>Fraction of the silicon converted by Si + 2 H₂O → SiO₂ + 2 H₂, from <see cref="H2MlStd"/>, 0–1 (may pass 1 on bad data).</summary>
    public double? SiliconConvertedFraction { get; init; }

    /// <summary>With a blank: <see cref="DryGasMlStd"/> before the blank was subtracted, in mL std.</summary>
    public double? UncorrectedDryGasMlStd { get; init; }

    /// <summary>With a blank: <see cref="H2MlStd"/> before the blank was subtracted, in mL std.</summary>
    public double? UncorrectedH2MlStd { get; init; }

    /// <summary>With a blank: the blank's apparent gas scaled to this vessel, subtracted from <see cref="DryGasMlStd"/>, in mL std.</summary>
    public double? BlankDryGasMlStd { get; init; }

    /// <summary>What to note about this point.</summary>
    public GasFlags Flags { get; init; }
}
