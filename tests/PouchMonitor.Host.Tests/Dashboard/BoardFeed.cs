using System.Text;
using System.Text.Json;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>A board's readings handed to the host's MQTT ingestor as the board would publish them, in batches of the contract's size.</summary>
internal sealed class BoardFeed(MessageIngestor ingestor, string deviceId)
{
    private uint _sequence;

    /// <summary>Sends <paramref name="readings"/> (time, sensor index, pressure in Pa, temperature in °C).</summary>
    public void Send(IEnumerable<(DateTimeOffset Time, int Sensor, double PressurePa, double TemperatureC)> readings)
    {
        foreach (var chunk in readings.Chunk(ContractV1.MaxReadingsPerBatch))
        {
            var json = JsonSerializer.Serialize(new
            {
                v = 1, device = deviceId, boot = 1,
                readings = chunk.Select(r => new { seq = _sequence, up = _sequence++ * 1000L, t = r.Time.ToUnixTimeMilliseconds(), s = r.Sensor, p = r.PressurePa, c = r.TemperatureC }),
            });
            ingestor.HandleAsync(Topics.Readings(deviceId), new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json))).GetAwaiter().GetResult();
        }
    }
}
