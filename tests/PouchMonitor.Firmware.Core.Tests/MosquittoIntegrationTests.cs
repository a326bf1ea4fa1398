using System.Collections.Concurrent;
using System.Runtime.Versioning;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Firmware.Core.Tests.Broker;
using PouchMonitor.Firmware.Core.Tests.Fakes;
using PouchMonitor.Simulator;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>
/// The core with the MQTTnet transport against a real mosquitto that is stopped for a while and started again: every
/// reading reaches a host subscriber, in sequence, none lost. The device clock advances half a device second per tick
/// once the broker has acknowledged what the tick published, so minutes of device time take seconds.
/// </summary>
[SupportedOSPlatform("linux")]
public class MosquittoIntegrationTests
{
    private const long DeviceMsPerTick = 500;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Tick_BrokerStoppedAndRestarted_EveryReadingArrivesOnceInSequence()
    {
        using var broker = new Mosquitto();
        broker.Start();
        await using var host = new HostSubscriber(broker.Port);
        await host.StartAsync();
        using var mqtt = new MqttNetTransport("127.0.0.1", broker.Port);
        var transport = new AckWaitingTransport(mqtt);
        var clock = new FakeClock();
        var core = new FirmwareCore(
            Board.DeviceId,
            Enumerable.Range(0, 4).Select(i => new FakeSensorPort(i)).ToArray(),
            new FakeFlash(ReadingRing.RequiredBytes(5760)),
            new FakeFlash(StateStore.RequiredBytes),
            transport,
            clock,
            new FakePlatform(),
            new Random(7), Board.Mac);
        core.Start();

        RunDevice(core, clock, transport, deviceMs: 300_000);
        broker.Stop();
        RunDevice(core, clock, transport, deviceMs: 200_000);
        var bufferedDuringOutage = core.Ring.Count;
        broker.Start();
        RunDevice(core, clock, transport, deviceMs: 120_000);
        while (core.Ring.Count > 0 && clock.UptimeMs < 2_000_000)
        {
            RunDevice(core, clock, transport, DeviceMsPerTick);
        }

        var expected = Enumerable.Range(0, (int)core.NextSequence).Select(i => (0u, (uint)i)).ToList();
        await Waiting.UntilAsync(() => host.Received.Distinct().Count() >= expected.Count,
            () => $"{host.Received.Distinct().Count()} of {expected.Count} readings at the host", Deadline, TestContext.Current.CancellationToken);

        var repeats = host.Received.Count - host.Received.Distinct().Count();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{expected.Count} readings, {bufferedDuringOutage} buffered during the outage, {repeats} delivered twice (dropped by (boot, seq))");
        Assert.Equal(0, core.Ring.Count);
        Assert.True(expected.Count >= (300 + 200 + 120) / 10 * 4, $"{expected.Count} readings");
        Assert.True(bufferedDuringOutage >= 70, $"{bufferedDuringOutage} readings buffered while the broker was down");
        Assert.True(core.Session.Connections >= 2);
        Assert.Equal(expected, host.Received.Distinct());
        Assert.Equal(0, core.Ring.Dropped);
    }

    [Fact]
    public async Task Tick_CommandThroughBrokerThenDeviceVanishes_ConfigRepliedAndLastWillPublished()
    {
        using var broker = new Mosquitto();
        broker.Start();
        using var host = new MqttClientFactory().CreateMqttClient();
        var messages = new ConcurrentQueue<(string Topic, string Payload, bool Retain)>();
        host.ApplicationMessageReceivedAsync += e =>
        {
            messages.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        var ct = TestContext.Current.CancellationToken;
        await host.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build(), ct);
        await host.SubscribeAsync(Topics.AllStatus, MqttQualityOfServiceLevel.AtLeastOnce, ct);
        await host.SubscribeAsync(Topics.AllConfig, MqttQualityOfServiceLevel.AtLeastOnce, ct);
        var mqtt = new MqttNetTransport("127.0.0.1", broker.Port);
        var transport = new AckWaitingTransport(mqtt);
        var clock = new FakeClock();
        var core = new FirmwareCore(
            Board.DeviceId, [new FakeSensorPort(0)], new FakeFlash(ReadingRing.RequiredBytes(100)), new FakeFlash(StateStore.RequiredBytes),
            transport, clock, new FakePlatform(), new Random(7), Board.Mac);
        core.Start();
        RunDevice(core, clock, transport, deviceMs: 5_000);

        await host.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Command(Board.DeviceId))
            .WithPayload(DeviceCommand.SetInterval(30).ToPayload())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), ct);
        await Waiting.UntilAsync(
            () =>
            {
                RunDevice(core, clock, transport, DeviceMsPerTick);
                return messages.Any(m => m.Topic.EndsWith("/config", StringComparison.Ordinal));
            },
            () => "the device replies to the command with its configuration", Deadline, ct);
        mqtt.Dispose();
        await Waiting.UntilAsync(() => messages.Any(m => m.Payload.Contains("\"offline\"", StringComparison.Ordinal)),
            () => "the broker publishes the device's last will", Deadline, ct);

        Assert.Equal(30, core.Settings.IntervalS);
        var config = DeviceConfigDecoder.Decode(Board.DeviceId, Encoding.UTF8.GetBytes(messages.First(m => m.Topic.EndsWith("/config", StringComparison.Ordinal)).Payload));
        Assert.Equal(30, config.Value!.IntervalS);
        var statuses = messages.Where(m => m.Topic == Topics.Status(Board.DeviceId))
            .Select(m => DeviceStatusDecoder.Decode(Board.DeviceId, Encoding.UTF8.GetBytes(m.Payload)).Value!.State).ToList();
        Assert.Equal([DeviceState.Online, DeviceState.Offline], statuses);
    }

    // Each tick is half a device second, taken once the broker has acknowledged what the tick published.
    private static void RunDevice(FirmwareCore core, FakeClock clock, AckWaitingTransport transport, long deviceMs)
    {
        for (long elapsed = 0; elapsed < deviceMs; elapsed += DeviceMsPerTick)
        {
            core.Tick();
            if (!SpinWait.SpinUntil(() => transport.Settled, Deadline))
            {
                throw new TimeoutException($"The broker did not acknowledge the device's publishes within {Deadline.TotalSeconds} s.");
            }

            clock.Advance(DeviceMsPerTick);
        }
    }
}
