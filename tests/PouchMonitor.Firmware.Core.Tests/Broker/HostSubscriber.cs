using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;

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
    private Task? _reconnectLoop;

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
        _reconnectLoop = ReconnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reconnectLoop is not null)
        {
            await _reconnectLoop;
        }

        _client.Dispose();
        _stop.Dispose();
    }

    // The persistent session keeps the subscription; reconnecting is enough to get what was queued meanwhile.
    private async Task ReconnectAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await _client.ConnectAsync(_options, _stop.Token);
                }

                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                // Broker still down, or MQTTnet still closing the previous connection: try again shortly.
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }
}
