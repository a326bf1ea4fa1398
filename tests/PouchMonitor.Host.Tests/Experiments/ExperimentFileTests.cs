using PouchMonitor.Analysis;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Tests.Experiments;

public class ExperimentFileTests
{
    private const string Documented = """
        {
          "experiment": "nhc-700-gassing",
          "standard": { "temperatureC": 0.0, "pressurePa": 101325 },
          "eventSettleMinutes": 10,
          "pouches": [
            { "id": "P1", "sample": "mSi", "slurryMassG": 1.117, "activeMassG": 0.080,
              "baselineAt": "2026-11-01T08:00:00Z",
              "source": { "device": "esp32-3c71bf", "sensor": 0 },
              "vessel": { "kind": "headspace", "gasVolumeMl": 60.0, "wet": true } },
            { "id": "P2", "sample": "mSi@NHC-700-20", "slurryMassG": 1.117,
              "source": { "device": "esp32-3c71bf", "sensor": 1 },
              "vessel": { "kind": "pouch-in-jar", "jarGasVolumeMl": 250.0,
                          "pouchInitialGasMl": 1.5, "wet": true } }
          ]
        }
        """;

    [Fact]
    public void Parse_DocumentedExample_ReadsEveryField()
    {
        var experiment = ExperimentFile.Parse(Documented, "experiment.json");

        Assert.Equal("nhc-700-gassing", experiment.Name);
        Assert.Equal(TimeSpan.FromMinutes(10), experiment.Settings.EventSettle);
        var p1 = experiment.Pouches[0];
        Assert.Equal(0.080, p1.Spec.ActiveMassG);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), p1.Spec.BaselineAt);
        Assert.Equal(new PouchSource("esp32-3c71bf", 0), p1.Source);
        Assert.Equal(Vessel.Headspace(60.0, true), p1.Spec.Vessel);
        Assert.Equal(Vessel.PouchInJar(250.0, 1.5, true), experiment.Pouches[1].Spec.Vessel);
        Assert.Equal(PouchSpec.Bme280MaxPressurePa, p1.Spec.SensorMaxPa);
    }

    [Theory]
    [InlineData("\"vesel\": {}", "$.pouches[0].vesel: unknown property 'vesel'")]
    [InlineData("\"vessel\": { \"kind\": \"headspace\", \"gasVolumeMl\": 40, \"wett\": true }", "$.pouches[0].vessel.wett: unknown property 'wett'")]
    [InlineData("\"vessel\": { \"kind\": \"bag\" }", "$.pouches[0].vessel.kind: 'bag' is not a vessel kind")]
    [InlineData("\"vessel\": { \"kind\": \"headspace\" }", "$.pouches[0].vessel.gasVolumeMl: required for a headspace vessel")]
    [InlineData("\"vessel\": { \"kind\": \"pouch-in-jar\", \"gasVolumeMl\": 40 }", "$.pouches[0].vessel.gasVolumeMl: not a property of a pouch-in-jar")]
    [InlineData("\"vessel\": { \"kind\": \"headspace\", \"gasVolumeMl\": -1 }", "$.pouches[0].vessel.gasVolumeMl: -1 mL is outside")]
    [InlineData("\"vessel\": { \"kind\": \"headspace\", \"gasVolumeMl\": \"forty\" }", "$.pouches[0].vessel.gasVolumeMl: the value has the wrong type")]
    [InlineData("\"baselineAt\": \"2026-11-01 08:00\", \"vessel\": { \"kind\": \"headspace\", \"gasVolumeMl\": 40 }", "$.pouches[0].baselineAt: '2026-11-01 08:00' is not an ISO 8601 time with an offset")]
    [InlineData("\"source\": { \"device\": \"d\", \"sensor\": 16 }, \"vessel\": { \"kind\": \"headspace\", \"gasVolumeMl\": 40 }", "$.pouches[0].source.sensor: 16 (sensor index) is outside 0 – 15")]
    [InlineData("\"activeMassG\": 1.2, \"vessel\": { \"kind\": \"headspace\", \"gasVolumeMl\": 40 }", "$.pouches[0].activeMassG: 1.2 g is more than slurryMassG 1.1 g")]
    public void Parse_BadPouch_NamesTheJsonPath(string pouchTail, string message)
    {
        string json = $$"""{ "experiment": "x", "pouches": [ { "id": "P1", "sample": "s", "slurryMassG": 1.1, {{pouchTail}} } ] }""";

        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(json, "e.json"));

        Assert.StartsWith("e.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingMass_NamesTheJsonPath()
    {
        string json = """{ "experiment": "x", "pouches": [ { "id": "P1", "sample": "s", "vessel": { "kind": "headspace", "gasVolumeMl": 40 } } ] }""";

        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(json, "e.json"));

        Assert.Equal("e.json: $.pouches[0].slurryMassG: required property is missing", error.Message);
    }

    [Fact]
    public void Parse_DuplicateId_NamesBothPouches()
    {
        string pouch = """{ "id": "P1", "sample": "s", "slurryMassG": 1, "vessel": { "kind": "headspace", "gasVolumeMl": 40 } }""";
        string json = $$"""{ "experiment": "x", "pouches": [ {{pouch}}, {{pouch}} ] }""";

        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(json, "e.json"));

        Assert.Equal("e.json: $.pouches[1].id: 'P1' is already used by $.pouches[0]", error.Message);
    }

    [Fact]
    public void Parse_UnknownTopLevelProperty_IsAnError()
    {
        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse("""{ "experiment": "x", "pouchs": [] }""", "e.json"));

        Assert.Equal("e.json: $.pouchs: unknown property 'pouchs'", error.Message);
    }

    [Fact]
    public void Parse_BrokenJson_SaysWhere()
    {
        var error = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse("{ \"experiment\": ", "e.json"));

        Assert.StartsWith("e.json: $", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
    }
}
