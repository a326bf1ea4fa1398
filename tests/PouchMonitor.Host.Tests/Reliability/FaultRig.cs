using System.Collections.Concurrent;
using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Simulator;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// The virtual rig (boards running the firmware core, on an accelerated clock) against <c>pouchmon serve</c> as its
/// own process, through the embedded broker or a mosquitto running deploy/mosquitto/pouchmon.conf; optionally with the
/// InfluxDB mirror to a real VictoriaMetrics. A test injects its fault, then <see cref="FinishAsync"/> counts what it cost.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    public const string Experiment = "reliability";
    private const string Password = "rig-secret";
    private static readonly GompertzKinetics Kinetics = new(0.5, 0.1, 0.5);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    private readonly FaultRigOptions _options;
    private readonly Dictionary<string, string> _hostSettings;
    private readonly Dictionary<string, TappedTransport> _transports = [];
    private readonly ConcurrentDictionary<ReadingKey, Contracts.Reading> _sent = new();
    private HostProcess? _host;
    private TimeSpan _boardsStartedAt;

    private FaultRig(FaultRigOptions options, MosquittoServer? mosquitto, VictoriaMetricsServer? victoria, int brokerPort)
    {
        _options = options;
        Mosquitto = mosquitto;
        Victoria = victoria;
        var time = new AcceleratedTimeProvider(DateTimeOffset.UtcNow + options.BoardClockAhead, options.Speed);
        Rig = Rig.Create(Pouches(options), new OvenProfile(50, 0.2, TimeSpan.FromMinutes(30)), time, id =>
        {
            var transport = new TappedTransport(id, new MqttNetTransport("127.0.0.1", brokerPort, id, Password) { ClockSpeed = options.Speed }, _sent);
            _transports[id] = transport;
            return transport;
        }, options.IntervalS, options.IntervalS);
        Directory.CreateDirectory(options.DataFolder);
        var experimentPath = Path.Combine(options.DataFolder, Experiment + ".json");
        File.WriteAllText(experimentPath, Rig.ExperimentJson(Experiment, eventSettleMinutes: 0));
        _hostSettings = new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = options.DataFolder,
            ["Experiments:Files:0"] = experimentPath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (mosquitto is null)
        {
            _hostSettings["Mqtt:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture);
            foreach (var board in Rig.Boards)
            {
                _hostSettings[$"Mqtt:Devices:{board.DeviceId}"] = Password;
            }
        }
        else
        {
            _hostSettings["Mqtt:Broker"] = $"mqtt://127.0.0.1:{brokerPort}";
            _hostSettings["Mqtt:UserName"] = TestBroker.HostUser;
            _hostSettings["Mqtt:Password"] = TestBroker.HostPassword;
        }

        if (victoria is not null)
        {
            _hostSettings["Influx:Url"] = victoria.Url.ToString();
            _hostSettings["Influx:Org"] = "lab";
            _hostSettings["Influx:Bucket"] = "pouchmon";
            _hostSettings["Influx:Token"] = "unused-by-victoria-metrics";
        }
    }

    /// <summary>The rig: its boards, pouches and clock.</summary>
    public Rig Rig { get; }

    /// <summary>The mosquitto of <see cref="TestBroker.Mosquitto"/>, null with the embedded broker.</summary>
    public MosquittoServer? Mosquitto { get; }

    /// <summary>The time-series database of the mirror, when it is on.</summary>
    public VictoriaMetricsServer? Victoria { get; }

    /// <summary>Starts the broker, the host (subscribed), then the boards.</summary>
    public static async Task<FaultRig> StartAsync(FaultRigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MosquittoServer? mosquitto = null;
        if (options.Broker == TestBroker.Mosquitto)
        {
            var users = Enumerable.Range(1, options.Boards).ToDictionary(DeviceId, _ => Password);
            users[TestBroker.HostUser] = TestBroker.HostPassword;
            string[] acl = [$"user {TestBroker.HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#"];
            mosquitto = await MosquittoServer.StartWithConfigFileAsync(RepositoryPath.Of("deploy/mosquitto/pouchmon.conf"), users, acl);
        }

        var victoria = options.Mirror ? await VictoriaMetricsServer.StartNewAsync() : null;
        var rig = new FaultRig(options, mosquitto, victoria, mosquitto?.Port ?? FreePort.Next());
        await rig.StartHostAsync();
        rig.Rig.Start();
        rig._boardsStartedAt = rig.Rig.Elapsed;
        return rig;
    }

    /// <summary>Board <paramref name="deviceId"/>'s transport, to make it send twice.</summary>
    public TappedTransport Transport(string deviceId) => _transports[deviceId];

    /// <summary>Starts <c>pouchmon serve</c> on the data folder and waits until it is subscribed.</summary>
    public async Task StartHostAsync() => _host = await HostProcess.StartAsync(_hostSettings);

    /// <summary>SIGKILL to the host: nothing is flushed or acknowledged on the way out.</summary>
    public void KillHost()
    {
        _host?.Dispose();
        _host = null;
    }

    /// <summary>Rig time since the boards started.</summary>
    public TimeSpan RunTime => Rig.Elapsed - _boardsStartedAt;

    /// <summary>Waits until <see cref="RunTime"/> reaches <paramref name="runTime"/>.</summary>
    public Task UntilAsync(TimeSpan runTime) =>
        Waiting.UntilAsync(() => RunTime >= runTime, () => $"the boards run {runTime.TotalHours} rig hours", Deadline, TestContext.Current.CancellationToken);

    /// <summary>
    /// Stops the boards, waits until the host has stored every reading they handed over (all but those still in
    /// their buffers), stops the host and counts: by sequence numbers, and against the conversion of what they sent.
    /// </summary>
    public async Task<FaultFigures> FinishAsync()
    {
        Rig.Dispose();
        var expected = Rig.Boards.SelectMany(HandedOver).ToHashSet();
        var store = new StoredRun(_options.DataFolder, Experiment);
        try
        {
            // Every sensor is one pouch's: one gas point per reading once the host has caught up.
            await Waiting.UntilAsync(() => store.HasAll(expected) && store.GasCount() >= store.Rows(),
                () => $"the host stores the {expected.Count} readings the boards handed over and their gas points", Deadline, TestContext.Current.CancellationToken);
            if (Victoria is not null)
            {
                await Waiting.UntilAsync(() => store.OutboxCount() == 0, () => "the mirror's outbox drains", Deadline, TestContext.Current.CancellationToken);
            }
        }
        catch (TimeoutException)
        {
            // Counted below: what is missing is the figure.
        }

        KillHost();
        var stored = store.Keys();
        var reference = ReferenceGas.Convert(_options.DataFolder, Rig, _sent.Where(s => expected.Contains(s.Key) || stored.Contains(s.Key)));
        var gas = store.Gas();
        var (missing, extra, compared, maxDifference) = Compare(reference, gas);
        var mirrorLost = Victoria is null ? 0 : await MirrorLostAsync(gas);
        return new FaultFigures(
            Rig.Boards.Sum(b => b.ReadingsByBoot.Values.Sum(n => (long)n)),
            expected.Count(k => !stored.Contains(k)),
            store.Conflicts() + Math.Max(0, gas.Values.Sum(g => g.Count) - stored.Count) + Math.Max(0, store.Rows() - stored.Count),
            missing,
            extra,
            compared,
            maxDifference,
            mirrorLost);
    }

    public async ValueTask DisposeAsync()
    {
        Rig.Dispose();
        KillHost();
        if (Mosquitto is not null)
        {
            await Mosquitto.DisposeAsync();
        }

        if (Victoria is not null)
        {
            await Victoria.DisposeAsync();
        }
    }

    private static string DeviceId(int board) => string.Create(CultureInfo.InvariantCulture, $"rel-{board}");

    // Each board's sensors measure alternately a 60-mL headspace vessel and a pouch in a 600-mL jar.
    private static List<RigPouchSpec> Pouches(FaultRigOptions options) =>
        [.. Enumerable.Range(1, options.Boards).SelectMany(b => Enumerable.Range(0, options.SensorsPerBoard).Select(s => new RigPouchSpec(
            string.Create(CultureInfo.InvariantCulture, $"P{b}-{s}"), "mSi", DeviceId(b), s,
            s % 2 == 0 ? VesselKind.Headspace : VesselKind.PouchInJar, s % 2 == 0 ? 60 : 600, 1.1, Kinetics)))];

    // Every reading of every boot, but for the newest ones still waiting in the flash buffer of the last boot.
    private static IEnumerable<ReadingKey> HandedOver(VirtualBoard board)
    {
        var made = board.ReadingsByBoot;
        var lastBoot = made.Keys.Max();
        var buffered = (uint)board.Buffered;
        return made.SelectMany(boot => Enumerable.Range(0, (int)(boot.Value - (boot.Key == lastBoot ? buffered : 0)))
            .Select(seq => new ReadingKey(board.DeviceId, boot.Key, (uint)seq)));
    }

    private static (long Missing, long Extra, long Compared, double MaxDifference) Compare(
        Dictionary<string, Dictionary<long, double?>> reference, Dictionary<string, Dictionary<long, double?>> stored)
    {
        long missing = 0, extra = 0, compared = 0;
        double maxDifference = 0;
        foreach (var pouch in reference.Keys.Union(stored.Keys))
        {
            var a = reference.GetValueOrDefault(pouch, []);
            var b = stored.GetValueOrDefault(pouch, []);
            missing += a.Keys.Count(t => !b.ContainsKey(t));
            extra += b.Keys.Count(t => !a.ContainsKey(t));
            foreach (var (time, value) in a.Where(p => b.ContainsKey(p.Key)))
            {
                var other = b[time];
                compared += value is not null && other is not null ? 1 : 0;
                var difference = value is null && other is null ? 0 : value is null || other is null ? double.PositiveInfinity : Math.Abs(value.Value - other.Value);
                maxDifference = Math.Max(maxDifference, difference);
            }
        }

        return (missing, extra, compared, maxDifference);
    }

    // Gas points with a dry gas value that VictoriaMetrics does not hold.
    private async Task<long> MirrorLostAsync(Dictionary<string, Dictionary<long, double?>> gas)
    {
        var ct = TestContext.Current.CancellationToken;
        await Victoria!.ForceFlushAsync(ct);
        var exported = (await Victoria.ExportAsync("{__name__=\"pouch_gas_dry_gas_ml_std\"}", ct))
            .ToDictionary(s => s.Metric["pouch"], s => s.Timestamps.ToHashSet());
        return gas.Sum(pouch => pouch.Value.Count(p => p.Value is not null && !exported.GetValueOrDefault(pouch.Key, []).Contains(p.Key)));
    }
}
