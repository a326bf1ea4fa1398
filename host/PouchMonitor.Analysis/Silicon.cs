namespace PouchMonitor.Analysis;

/// <summary>Silicon oxidation in water, Si + 2 H₂O → SiO₂ + 2 H₂ (docs/measurement-model.md).</summary>
public static class Silicon
{
    /// <summary>Molar mass of silicon in g mol⁻¹ (IUPAC 2021 standard atomic weight).</summary>
    public const double MolarMassGPerMol = 28.0855;

    /// <summary>Moles of H₂ made per mole of silicon oxidised.</summary>
    public const double H2PerSilicon = 2;

    /// <summary>Fraction of the silicon converted when <paramref name="h2MlStd"/> of H₂ has been made.</summary>
    /// <param name="h2MlStd">H₂ made, in mL at <paramref name="standard"/>.</param>
    /// <param name="siliconMassG">Silicon in the sample, in g, &gt; 0.</param>
    /// <param name="standard">The conditions of <paramref name="h2MlStd"/>.</param>
    /// <remarks>n_H2 / (2 · m_Si / M_Si); 1 g Si gives 2 · 22.414 / 28.0855 = 1.596 L H₂ at 0 °C, 101.325 kPa.</remarks>
    public static double ConvertedFraction(double h2MlStd, double siliconMassG, StandardConditions standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return IdealGas.Moles(standard.PressurePa, h2MlStd, standard.TemperatureC) / (H2PerSilicon * siliconMassG / MolarMassGPerMol);
    }
}
