using System.Text.Json.Nodes;
using PouchMonitor.Host.Demo;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Tests.Experiments;

public sealed class RecommendedExperimentTests
{
    [Fact]
    public void Document_ComparedWithTheDemosExperimentFile_SameRecommendedFields()
    {
        var demo = DemoSettings.SeedReplay(1, "unused");
        using var rig = Rig.Create(demo.Pouches, demo.Oven(), new AcceleratedTimeProvider(DateTimeOffset.UnixEpoch, 1),
            _ => new MqttNetTransport("127.0.0.1", 1), demo.IntervalS, demo.PublishIntervalS, demo.Sensor);
        var demoFile = JsonNode.Parse(rig.ExperimentJson(demo.Experiment, demo.EventSettleMinutes))!;

        var recommended = RecommendedExperiment.Document();

        // gasTemperatureUncertaintyK absent from both: with the window, the budget's default from the measured ripple
        foreach (var key in new[] { "eventSettleMinutes", "baselineMinutes", "eventGap", "h2Method", "gasTemperatureUncertaintyK" })
        {
            Assert.True(JsonNode.DeepEquals(demoFile[key], recommended[key]), $"{key}: demo {demoFile[key]}, recommended {recommended[key]}");
        }
    }

    [Fact]
    public void Document_NameMassAndVolumeFilledIn_IsAValidExperimentWithTheFileDefaults()
    {
        var document = RecommendedExperiment.Document();
        document["experiment"] = "new-lab";
        var pouch = document["pouches"]![0]!;
        pouch["sample"] = "mSi";
        pouch["slurryMassG"] = 1.1;
        pouch["vessel"]!["jarGasVolumeMl"] = 600;

        var experiment = ExperimentFile.Parse(document.ToJsonString(), "experiment.json");

        var defaults = ExperimentFile.Parse("""
            {"experiment":"new-lab","pouches":[{"id":"P01","sample":"mSi","slurryMassG":1.1,"vessel":{"kind":"pouch-in-jar","jarGasVolumeMl":600}}]}
            """, "experiment.json");
        Assert.Equal(defaults.Pouches[0].Spec, experiment.Pouches[0].Spec);
        Assert.Equal(defaults.Settings with
        {
            EventSettle = TimeSpan.FromHours(1),
            BaselineWindow = TimeSpan.FromMinutes(Rig.RecommendedWindowMinutes(SeedExperiment.RealisticOven())),
            EventGap = Analysis.EventGap.Extrapolate,
            H2Method = Analysis.H2Method.EvolvedShare,
        }, experiment.Settings);
        Assert.Null(experiment.Settings.GasTemperatureUncertaintyK);
    }
}
