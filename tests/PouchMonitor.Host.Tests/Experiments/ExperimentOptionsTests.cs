using PouchMonitor.Analysis;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Tests.Experiments;

public class ExperimentOptionsTests
{
    [Fact]
    public void Parse_OptInFields_ReadsThem()
    {
        var experiment = ExperimentFile.Parse(Document(
            """ "baselineMinutes": 30, "eventGap": "extrapolate", "h2Method": "evolved-share", """,
            """ "baselineMinutes": 10, "blank": "B1", "siliconFraction": 0.5, "activeMassG": 0.08, "expectedGasMlPerG": 5, """), "e.json");

        Assert.Equal(TimeSpan.FromMinutes(30), experiment.Settings.BaselineWindow);
        Assert.Equal(EventGap.Extrapolate, experiment.Settings.EventGap);
        Assert.Equal(H2Method.EvolvedShare, experiment.Settings.H2Method);
        var p1 = experiment.Pouches[0].Spec;
        Assert.Equal(TimeSpan.FromMinutes(10), p1.BaselineWindow);
        Assert.Equal("B1", p1.BlankId);
        Assert.Equal(0.04, p1.SiliconMassG!.Value, 1e-12);
        Assert.Equal(5, p1.ExpectedGasMlPerG);
    }

    [Fact]
    public void Parse_UncertaintyFields_ReadsThem()
    {
        string json = """
            { "experiment": "e", "gasTemperatureUncertaintyK": 0.5, "pouches": [
              { "id": "P1", "sample": "mSi", "slurryMassG": 1.1, "vessel": { "kind": "headspace", "gasVolumeMl": 60, "gasVolumeUncertaintyMl": 0.4 } } ] }
            """;

        var experiment = ExperimentFile.Parse(json, "e.json");

        Assert.Equal(0.5, experiment.Settings.GasTemperatureUncertaintyK);
        Assert.Equal(0.4, experiment.Pouches[0].Spec.GasVolumeUncertaintyMl);
    }

    [Fact]
    public void Parse_NoOptInFields_KeepsTodaysBehaviour()
    {
        var experiment = ExperimentFile.Parse(Document("", ""), "e.json");

        Assert.Equal(TimeSpan.Zero, experiment.Settings.BaselineWindow);
        Assert.Equal(EventGap.Hold, experiment.Settings.EventGap);
        Assert.Equal(H2Method.VesselFraction, experiment.Settings.H2Method);
        Assert.Null(experiment.Pouches[0].Spec.BaselineWindow);
        Assert.Null(experiment.Pouches[0].Spec.BlankId);
        Assert.Equal(PouchSpec.DefaultExpectedGasMlPerG, experiment.Pouches[0].Spec.ExpectedGasMlPerG);
    }

    [Theory]
    [InlineData(""" "eventGap": "bridge", """, "", "$.eventGap: 'bridge' is not an event gap")]
    [InlineData(""" "h2Method": "share", """, "", "$.h2Method: 'share' is not an H2 method")]
    [InlineData("", """ "blank": "X9", """, "$.pouches[0].blank: 'X9' is not a pouch of this experiment")]
    [InlineData("", """ "blank": "P1", """, "$.pouches[0].blank: a pouch cannot be its own blank")]
    [InlineData("", """ "siliconFraction": 0.5, """, "$.pouches[0].siliconFraction: needs activeMassG")]
    [InlineData("", """ "siliconFraction": 0.5, "siliconMassG": 0.1, """, "$.pouches[0].siliconFraction: give siliconMassG or siliconFraction")]
    public void Parse_BadOptInField_NamesItsPath(string experimentFields, string pouchFields, string expected)
    {
        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(Document(experimentFields, pouchFields), "e.json"));

        Assert.Contains("e.json: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BlankOfAnotherKind_IsAnError()
    {
        string json = """
            { "experiment": "e", "pouches": [
              { "id": "P1", "sample": "mSi", "slurryMassG": 1.1, "blank": "B1", "vessel": { "kind": "headspace", "gasVolumeMl": 60 } },
              { "id": "B1", "sample": "water", "slurryMassG": 1.1, "vessel": { "kind": "pouch-in-jar", "jarGasVolumeMl": 250 } } ] }
            """;

        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(json, "e.json"));

        Assert.Contains("$.pouches[0].blank: 'B1' ($.pouches[1].vessel.kind) is a pouch-in-jar vessel, this one a headspace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BlankWithABlank_IsAnError()
    {
        string json = """
            { "experiment": "e", "pouches": [
              { "id": "P1", "sample": "mSi", "slurryMassG": 1.1, "blank": "B1", "vessel": { "kind": "headspace", "gasVolumeMl": 60 } },
              { "id": "B1", "sample": "water", "slurryMassG": 1.1, "blank": "B2", "vessel": { "kind": "headspace", "gasVolumeMl": 60 } },
              { "id": "B2", "sample": "water", "slurryMassG": 1.1, "vessel": { "kind": "headspace", "gasVolumeMl": 60 } } ] }
            """;

        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(json, "e.json"));

        Assert.Contains("$.pouches[0].blank: 'B1' ($.pouches[1]) has a blank itself", error.Message, StringComparison.Ordinal);
    }

    private static string Document(string experimentFields, string pouchFields) => $$"""
        { "experiment": "e", {{experimentFields}} "pouches": [
          { "id": "P1", "sample": "mSi", "slurryMassG": 1.1, {{pouchFields}} "vessel": { "kind": "headspace", "gasVolumeMl": 60 } },
          { "id": "B1", "sample": "water", "slurryMassG": 1.1, "vessel": { "kind": "headspace", "gasVolumeMl": 60 } } ] }
        """;
}
