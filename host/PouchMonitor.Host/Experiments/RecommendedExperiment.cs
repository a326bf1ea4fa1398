using System.Text.Json.Nodes;
using PouchMonitor.Analysis;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Experiments;

/// <summary>
/// What the app's new-experiment form starts from: the recommended opt-in fields as the demo's realistic rig uses them
/// (docs/measurement-model.md, "Opt-in refinements") and the file format's defaults written out, with one pouch to fill in.
/// gasTemperatureUncertaintyK is left out, as in the demo's file: with the baseline window the budget takes it from the
/// ripple each pouch's sensor measured (docs/measurement-model.md, "Sensor-to-gas temperature from the ripple").
/// </summary>
public static class RecommendedExperiment
{
    /// <summary>The document, without a name and without the pouch's masses, volumes and sensor (the lab's to give).</summary>
    public static JsonObject Document() => new()
    {
        ["standard"] = new JsonObject
        {
            ["temperatureC"] = StandardConditions.Default.TemperatureC,
            ["pressurePa"] = StandardConditions.Default.PressurePa,
        },
        ["eventSettleMinutes"] = SeedExperiment.EventSettleMinutes,
        ["baselineMinutes"] = Rig.RecommendedWindowMinutes(SeedExperiment.RealisticOven()),
        ["eventGap"] = Rig.RecommendedEventGap,
        ["h2Method"] = Rig.RecommendedH2Method,
        ["leakRule"] = new JsonObject
        {
            ["windowHours"] = LeakRule.Default.Window.TotalHours,
            ["noiseMultiple"] = LeakRule.Default.NoiseMultiple,
            ["minimumDropMlStd"] = LeakRule.Default.MinimumDropMlStd,
        },
        ["pouches"] = new JsonArray(Pouch("P01")),
    };

    /// <summary>A new pouch: the sensor's range and the expected gas of the set-up check at their defaults, a wet jar as the demo's.</summary>
    public static JsonObject Pouch(string id) => new()
    {
        ["id"] = id,
        ["sensorMaxPa"] = PouchSpec.Bme280MaxPressurePa,
        ["expectedGasMlPerG"] = PouchSpec.DefaultExpectedGasMlPerG,
        ["vessel"] = new JsonObject { ["kind"] = "pouch-in-jar", ["wet"] = true },
    };
}
