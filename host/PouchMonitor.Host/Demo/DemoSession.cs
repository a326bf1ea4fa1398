using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using PouchMonitor.Analysis;
using Microsoft.AspNetCore.Identity;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Hosting;
using PouchMonitor.Host.Storage;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Demo;

/// <summary>
/// The host (embedded broker, SQLite, HTTP API and web app) and a virtual rig in one process on one accelerated clock:
/// what <c>pouchmon demo</c> runs, and what the simulator tests drive.
/// </summary>
public sealed class DemoSession : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>Sign-in name of the demo's operator (the password is made at each start).</summary>
    public const string OperatorName = "demo";

    private DemoSession(WebApplication app, Rig rig, DemoSettings settings, Uri webUrl, int mqttPort, string operatorPassword, string apiToken)
    {
        OperatorPassword = operatorPassword;
        _app = app;
        Rig = rig;
        Settings = settings;
        WebUrl = webUrl;
        MqttPort = mqttPort;
        Api = new HttpClient { BaseAddress = webUrl };
        Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiToken);
    }

    /// <summary>Password of <see cref="OperatorName"/>, for signing in to the web app.</summary>
    public string OperatorPassword { get; }

    /// <summary>The virtual rig.</summary>
    public Rig Rig { get; }

    /// <summary>What was started.</summary>
    public DemoSettings Settings { get; }

    /// <summary>Where the web app and the HTTP API listen.</summary>
    public Uri WebUrl { get; }

    /// <summary>Port of the embedded broker on 127.0.0.1.</summary>
    public int MqttPort { get; }

    /// <summary>A client of the host's HTTP API with the demo operator's API token.</summary>
    public HttpClient Api { get; }

    /// <summary>The host's services (stores, alert engine, broker).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the rig's boards (the run's clock starts now; they buffer until the broker is up, as real boards do when
    /// the host starts late), then the host.
    /// </summary>
    public static async Task<DemoSession> StartAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.DataFolder);
        var time = new AcceleratedTimeProvider(TruncateToSecond(DateTimeOffset.UtcNow), settings.Speed);
        var secrets = settings.Pouches.Select(p => p.DeviceId).Distinct().ToDictionary(id => id, _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var httpPort = FreePortFrom(settings.PreferredHttpPort);
        var mqttPort = FreePortFrom(settings.PreferredMqttPort);
        var webUrl = new Uri($"http://localhost:{httpPort}/");
        var rig = Rig.Create(settings.Pouches, settings.Oven(), time,
            id => new MqttNetTransport(IPAddress.Loopback.ToString(), mqttPort, id, secrets[id]) { ClockSpeed = time.Speed }, settings.IntervalS, settings.PublishIntervalS, settings.Sensor);
        rig.Start();
        var experimentPath = Path.Combine(settings.DataFolder, settings.Experiment + ".json");
        await File.WriteAllTextAsync(experimentPath, rig.ExperimentJson(settings.Experiment, settings.EventSettleMinutes), cancellationToken).ConfigureAwait(false);
        string[] args =
        [
            $"--Urls={webUrl.GetLeftPart(UriPartial.Authority)}",
            $"--Mqtt:Port={mqttPort}",
            $"--Storage:DataFolder={settings.DataFolder}",
            $"--Experiments:Files:0={experimentPath}",
            // Device silence is checked every 10 simulated minutes, not every 10 s that would be a busy loop at high speed.
            "--Alerts:CheckInterval=00:10:00",
            "--Logging:LogLevel:Default=Warning",
            // The table at the end shows the alerts; each one in the log as well would bury the progress lines.
            "--Logging:LogLevel:PouchMonitor.Host.Alerts.AlertDispatcher=Error",
            .. secrets.Select(s => $"--Mqtt:Devices:{s.Key}={s.Value}"),
            .. settings.HostArgs,
        ];
        var app = ServeApplication.Build(args, services => services.AddSingleton<TimeProvider>(time));
        ServeApplication.ValidateConfiguration(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var (password, token) = await AddOperatorAsync(app.Services).ConfigureAwait(false);
        return new DemoSession(app, rig, settings, webUrl, mqttPort, password, token);
    }

    // The demo's own operator (made again at each start, with a new password), whose token posts the GC samples.
    private static async Task<(string Password, string Token)> AddOperatorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync(OperatorName).ConfigureAwait(false) is { } old)
        {
            await users.DeleteAsync(old).ConfigureAwait(false);
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var errors = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(OperatorName, password, Roles.Operator).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The demo operator could not be made: {string.Join(" ", errors)}");
        }

        var user = await users.FindByNameAsync(OperatorName).ConfigureAwait(false);
        var (_, token) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!.Id, "pouchmon demo").ConfigureAwait(false);
        return (password, token);
    }

    /// <summary>The host's stored gas series of <paramref name="pouch"/>.</summary>
    public IReadOnlyList<GasPoint> Gas(string pouch) =>
        Services.GetRequiredService<GasStore>().Series(new PouchKey(Settings.Experiment, pouch));

    /// <summary>Every alert of the experiment, newest first.</summary>
    public IReadOnlyList<Alert> Alerts() => Services.GetRequiredService<AlertStore>().All(Settings.Experiment);

    /// <summary>The readings the host stored from one sensor.</summary>
    public IReadOnlyList<StoredReading> Readings(string deviceId, int sensorIndex) =>
        Services.GetRequiredService<ReadingStore>().ForSensor(deviceId, sensorIndex);

    /// <summary>
    /// Stops the boards (readings still in their buffers stay there) and waits until the host has stored every reading
    /// the broker acknowledged to them, at most <see cref="DemoSettings.StoreTimeout"/>.
    /// </summary>
    /// <exception cref="TimeoutException">A board's acknowledged readings are not all stored in time.</exception>
    public async Task StopRigAsync(CancellationToken cancellationToken)
    {
        Rig.Dispose();
        var store = Services.GetRequiredService<ReadingStore>();
        var acknowledged = Rig.Boards.ToDictionary(b => b.DeviceId, b => b.Acknowledged);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Settings.StoreTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (acknowledged.FirstOrDefault(a => store.Count(a.Key) < a.Value) is { Key: { } device, Value: var expected })
        {
            try
            {
                await poll.WaitForNextTickAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The host stored {store.Count(device)} of the {expected} readings the broker acknowledged to board {device} within {Settings.StoreTimeout.TotalSeconds} s.");
            }
        }
    }

    /// <summary>Stops the rig and the host.</summary>
    public async ValueTask DisposeAsync()
    {
        Rig.Dispose();
        Api.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    private static int FreePortFrom(int port)
    {
        for (; ; port++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Busy: try the next one.
            }
        }
    }
}
