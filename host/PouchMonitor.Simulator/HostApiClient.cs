using System.Net.Http.Json;

namespace PouchMonitor.Simulator;

/// <summary>What a lab member does at the host's HTTP API (docs/host.md) when they take a GC sample: the event and its result.</summary>
public sealed class HostApiClient(HttpClient http)
{
    /// <summary>Records a GC sample of <paramref name="pouch"/> at <paramref name="time"/> and its H₂ result.</summary>
    public async Task PostSampleAsync(string experiment, string pouch, DateTimeOffset time, double h2Percent, CancellationToken cancellationToken)
    {
        var e = Uri.EscapeDataString(experiment);
        using var sample = await http.PostAsJsonAsync(
            $"api/experiments/{e}/pouches/{Uri.EscapeDataString(pouch)}/events",
            new { time, kind = "sample", note = "GC syringe (virtual rig)" }, cancellationToken).ConfigureAwait(false);
        sample.EnsureSuccessStatusCode();
        using var gc = await http.PostAsJsonAsync($"api/experiments/{e}/gc", new[] { new { time, pouch, h2Percent } }, cancellationToken).ConfigureAwait(false);
        gc.EnsureSuccessStatusCode();
    }
}
