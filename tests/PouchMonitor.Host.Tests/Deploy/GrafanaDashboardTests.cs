using System.Text.Json;
using System.Text.RegularExpressions;

namespace PouchMonitor.Host.Tests.Deploy;

/// <summary>deploy/grafana: the files parse, panels use the provisioned data source, queries name only what the host writes.</summary>
public partial class GrafanaDashboardTests
{
    /// <summary>Measurements and fields the host's InfluxDB mirror writes (Storage/LineProtocol on the serve branch).</summary>
    private static readonly Dictionary<string, string[]> Written = new(StringComparer.Ordinal)
    {
        ["pouch_reading"] = ["pressure_pa", "temperature_c"],
        ["pouch_gas"] = ["pressure_pa", "temperature_c", "flags", "dry_gas_ml_std", "dry_gas_ml_std_per_g", "swelling_ml", "swelling_ml_per_g", "h2_percent", "h2_ml_std", "h2_ml_std_per_g"],
        ["pouch_alert"] = ["open", "value"],
    };

    [Fact]
    public void Dashboard_EveryQuery_NamesOnlyWrittenMeasurementsAndFields()
    {
        var queries = Queries(Dashboard()).ToList();

        Assert.NotEmpty(queries);
        // the variables' queries (tag values, the bucket box) read no field
        foreach (string query in queries.Where(q => q.Contains("from(bucket:", StringComparison.Ordinal)))
        {
            var match = MeasurementAndField().Match(query);
            Assert.True(match.Success, query);
            string measurement = match.Groups["measurement"].Value;
            Assert.True(Written.ContainsKey(measurement), $"unknown measurement {measurement}");
            Assert.Contains(match.Groups["field"].Value, Written[measurement]);
        }
    }

    [Fact]
    public void Dashboard_EveryQueryButTheSiteVariable_FiltersOnTheSelectedSites()
    {
        var queries = Queries(Dashboard()).Where(q => q.Contains("bucket:", StringComparison.Ordinal)).ToList();

        var siteVariable = Assert.Single(queries, q => q.Contains("tag: \"site\"", StringComparison.Ordinal));
        Assert.All(queries.Where(q => q != siteVariable), q => Assert.Contains("contains(value: r.site, set: ${site:json})", q, StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_EveryPanel_UsesTheProvisionedDataSource()
    {
        string uid = File.ReadAllLines(RepositoryPath.Of("deploy/grafana/provisioning/datasources/pouchmon-influxdb.yaml"))
            .Select(l => l.Trim())
            .Single(l => l.StartsWith("uid:", StringComparison.Ordinal))["uid:".Length..].Trim();

        var panels = Dashboard().RootElement.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();

        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.Equal(uid, p.GetProperty("datasource").GetProperty("uid").GetString()));
    }

    private static JsonDocument Dashboard() => JsonDocument.Parse(File.ReadAllText(RepositoryPath.Of("deploy/grafana/dashboards/pouchmon-experiment.json")));

    private static IEnumerable<string> Queries(JsonDocument dashboard)
    {
        var stack = new Stack<JsonElement>([dashboard.RootElement]);
        while (stack.TryPop(out var element))
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "query" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        stack.Push(property.Value);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }
    }

    [GeneratedRegex(@"r\._measurement == ""(?<measurement>[a-z_]+)"" and r\._field == ""(?<field>[a-z_0-9]+)""")]
    private static partial Regex MeasurementAndField();
}
