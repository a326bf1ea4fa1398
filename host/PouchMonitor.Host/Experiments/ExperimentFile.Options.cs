using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Experiments;

/// <summary>The opt-in fields of experiment.json: windows, H₂ method, blanks, silicon, expected gas (docs/file-formats.md).</summary>
public static partial class ExperimentFile
{
    private static ExperimentSettings WithMethods(ExperimentSettings settings, ExperimentJson json, ErrorSink errors) => settings with
    {
        BaselineWindow = TimeSpan.FromMinutes(Range(json.BaselineMinutes ?? 0, 0, 24 * 60, "$.baselineMinutes", "min", errors)),
        EventGap = json.EventGap switch
        {
            null or "hold" => EventGap.Hold,
            "extrapolate" => EventGap.Extrapolate,
            _ => throw errors.At("$.eventGap", $"'{json.EventGap}' is not an event gap: use hold or extrapolate"),
        },
        GasTemperatureUncertaintyK = json.GasTemperatureUncertaintyK is { } k ? Range(k, 0, 50, "$.gasTemperatureUncertaintyK", "K", errors) : null,
        H2Method = json.H2Method switch
        {
            null or "vessel-fraction" => H2Method.VesselFraction,
            "evolved-share" => H2Method.EvolvedShare,
            _ => throw errors.At("$.h2Method", $"'{json.H2Method}' is not an H2 method: use vessel-fraction or evolved-share"),
        },
    };

    private static PouchSpec WithOptions(PouchSpec spec, PouchJson json, string path, ErrorSink errors)
    {
        if (json.SiliconMassG is not null && json.SiliconFraction is not null)
        {
            throw errors.At(path + ".siliconFraction", "give siliconMassG or siliconFraction, not both");
        }

        double? siliconMassG = json.SiliconMassG is { } m ? Range(m, 1e-9, 1e6, path + ".siliconMassG", "g", errors)
            : json.SiliconFraction is { } f ? Range(f, 1e-6, 1, path + ".siliconFraction", "(fraction of activeMassG)", errors)
                * (spec.ActiveMassG ?? throw errors.At(path + ".siliconFraction", "needs activeMassG"))
            : null;
        return spec with
        {
            BaselineWindow = json.BaselineMinutes is { } minutes ? TimeSpan.FromMinutes(Range(minutes, 0, 24 * 60, path + ".baselineMinutes", "min", errors)) : null,
            BlankId = json.Blank is null ? null : Required(json.Blank, path + ".blank", errors),
            SiliconMassG = siliconMassG,
            GasVolumeUncertaintyMl = VolumeUncertainty(json.Vessel!, spec.Vessel, path + ".vessel", errors),
            ExpectedGasMlPerG = Range(json.ExpectedGasMlPerG ?? PouchSpec.DefaultExpectedGasMlPerG, 0, 1e4, path + ".expectedGasMlPerG", "mL g⁻¹", errors),
        };
    }

    private static double VolumeUncertainty(VesselJson json, Vessel vessel, string path, ErrorSink errors)
    {
        bool headspace = vessel.Kind == VesselKind.Headspace;
        Forbidden(headspace ? json.JarGasVolumeUncertaintyMl : json.GasVolumeUncertaintyMl, path + (headspace ? ".jarGasVolumeUncertaintyMl" : ".gasVolumeUncertaintyMl"), headspace ? "headspace" : "pouch-in-jar", errors);
        string name = headspace ? ".gasVolumeUncertaintyMl" : ".jarGasVolumeUncertaintyMl";
        double? value = headspace ? json.GasVolumeUncertaintyMl : json.JarGasVolumeUncertaintyMl;
        return value is { } u ? Range(u, 0, vessel.GasVolumeMl, path + name, "mL", errors) : 0;
    }

    /// <summary>A blank is another pouch of the experiment, of the same vessel kind, without a blank of its own.</summary>
    private static void CheckBlanks(List<ExperimentPouch> pouches, List<PouchJson?> json, ErrorSink errors)
    {
        for (int i = 0; i < pouches.Count; i++)
        {
            var spec = pouches[i].Spec;
            if (spec.BlankId is not { } blankId)
            {
                continue;
            }

            string path = $"$.pouches[{i}].blank";
            int blank = pouches.FindIndex(p => p.Spec.Id == blankId);
            string? problem = blank < 0 ? $"'{blankId}' is not a pouch of this experiment"
                : blank == i ? "a pouch cannot be its own blank"
                : pouches[blank].Spec.BlankId is not null ? $"'{blankId}' ($.pouches[{blank}]) has a blank itself"
                : pouches[blank].Spec.Vessel.Kind != spec.Vessel.Kind ? $"'{blankId}' ($.pouches[{blank}].vessel.kind) is a {json[blank]?.Vessel?.Kind} vessel, this one a {json[i]?.Vessel?.Kind}"
                : null;
            if (problem is not null)
            {
                throw errors.At(path, problem);
            }
        }
    }
}
