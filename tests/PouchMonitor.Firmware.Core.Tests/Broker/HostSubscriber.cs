using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Firmware.Core.Tests.Broker;

/// <summary>
/// What the host does to receive readings: a fixed client id, a persistent session, QoS 1, and reconnecting whenever
/// the broker comes back; every batch is decoded with the contract's decoder.
/// </summary>
internal sealed class HostSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private Task? _reconnecting;

    public HostSubscriber(int port)
    {
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("pouchmon-host-test")
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(false)
            .WithTimeout(TimeSpan.FromSeconds(2))
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (Topics.TryParseDeviceTopic(e.ApplicationMessage.Topic, out var deviceId, out var kind) && kind == DeviceTopicKind.Readings)
            {
                var result = ReadingBatchDecoder.Decode(deviceId, e.ApplicationMessage.Payload);
                Assert.True(result.IsValid, result.Error);
                foreach (var reading in result.Value.Readings)
                {
                    Received.Enqueue((result.Value.Boot, reading.Sequence));
                }
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>(boot, seq) of every reading received, in arrival order, repeats included.</summary>
    public ConcurrentQueue<(uint Boot, uint Sequence)> Received { get; } = new();

    public async Task StartAsync()
    {
        await _client.ConnectAsync(_options);
        await _client.SubscribeAsync(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce);
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected && !_stop.IsCancellationRequested)
            {
                _reconnecting = ReconnectAsync();
            }

            return Task.CompletedTask;
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reconnecting is not null)
        {
            await _reconnecting;
        }

        _client.Dispose();
        _stop.Dispose();
    }

    // The persistent session keeps the subscription; reconnecting is enough to get what was queued meanwhile.
    private async Task ReconnectAsync()
    {
        try
        {
            await Waiting.UntilAsync(TryConnectAsync, () => "the host subscriber reconnects to the broker", TimeSpan.FromMinutes(1), _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The test is over.
        }
    }

    private async Task<bool> TryConnectAsync()
    {
        try
        {
            await _client.ConnectAsync(_options, _stop.Token);
            return true;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            // Broker still down, or MQTTnet still closing the previous connection.
            return false;
        }
    }
}
