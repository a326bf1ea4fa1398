using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Api;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Export;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using Prometheus;

namespace PouchMonitor.Host.Hosting;

/// <summary>
/// Composes <c>pouchmon serve</c>: configuration from appsettings.json, environment variables and the command line,
/// every options section validated at start, the MQTT pipeline, storage, the InfluxDB mirror and the HTTP API.
/// </summary>
public static class ServeApplication
{
    /// <summary>Builds the application; <paramref name="configureServices"/> lets tests swap the clock.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // No configuration reload: its watcher covers the content root recursively, and the default data folder lies
        // under it, so every SQLite write would wake it.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        // Under systemd (deploy/systemd/pouchmon.service) the host reports readiness and logs for journald; elsewhere a no-op.
        builder.Host.UseSystemd();
        // A start-up failure (a busy port) is the one line 'pouchmon serve' prints, not a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        var services = builder.Services;
        // EF Core logs every SQL command of the user store at Information; its warnings are enough.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        AddValidatedOptions<StorageOptions>(services, StorageOptions.SectionName);
        AddValidatedOptions<InfluxOptions>(services, InfluxOptions.SectionName);
        AddValidatedOptions<MqttOptions>(services, MqttOptions.SectionName);
        AddValidatedOptions<ExperimentOptions>(services, ExperimentOptions.SectionName);
        AddValidatedOptions<AlertOptions>(services, AlertOptions.SectionName);
        AddValidatedOptions<LanOptions>(services, LanOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LanMode.Start(
            sp.GetRequiredService<IOptions<LanOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder,
            sp.GetRequiredService<IOptions<MqttOptions>>().Value.IsEmbedded,
            sp.GetRequiredService<TimeProvider>()));
        LanSetup.Configure(builder);
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(storage.DataFolder, storage.Synchronous, storage.BusyTimeout);
        });
        services.AddSingleton<WriteQueue>();
        services.AddSingleton<ReadingStore>();
        services.AddSingleton<QuarantineStore>();
        services.AddSingleton<DeviceCredentialStore>();
        services.AddSingleton<DeviceProvisioning>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<GasStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ExperimentDataStore>();
        services.AddSingleton<ExperimentStore>();
        services.AddSingleton<ExperimentCatalog>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<ExperimentExport>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<DeviceAlertRules>();
        services.AddSingleton<GasPipeline>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<SeriesCache>();
        services.AddSingleton<TrendBuilder>();
        // The resilience handler times out each attempt; the client's own timeout would cut the retries short.
        services.AddHttpClient(nameof(AlertDispatcher), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(WebhookResilience.PipelineName, WebhookResilience.Configure);
        services.AddSingleton<DeviceRegistry>();
        // The pipeline's observers, in the order they hear of a change (alerts before the live feed shows the point).
        AddObserver<DeviceRegistry>(services);
        AddObserver<DeviceAlertRules>(services);
        AddObserver<AlertEngine>(services);
        AddObserver<SeriesCache>(services);
        AddObserver<LiveFeed>(services);
        services.AddSingleton(sp => new Lazy<IReadOnlyList<IPipelineObserver>>(() => [.. sp.GetServices<IPipelineObserver>()]));
        services.AddSingleton<MessageIngestor>();
        services.AddSingleton<IDeviceMessageHandler>(sp => sp.GetRequiredService<MessageIngestor>());
        AddHostedSingleton<InfluxMirror>(services);
        AddHostedSingleton<EmbeddedBroker>(services);
        AddHostedSingleton<ReadingSubscriber>(services);
        services.AddSingleton<IMqttPublisher>(sp => sp.GetRequiredService<ReadingSubscriber>());
        AddHostedSingleton<AlertDispatcher>(services);
        AddHostedSingleton<DeviceWatchdog>(services);
        AuthSetup.AddServices(services, builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks()
            .AddCheck<MqttHealthCheck>("broker")
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<OutboxHealthCheck>("outbox");
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<JsonCharsetGuard>();
        DashboardEndpoints.UsePages(app);
        AuthSetup.UseMiddleware(app);
        // Every endpoint in this group reads or writes by its method unless it says otherwise (AuthPolicies.ByMethod).
        var routes = AuthPolicies.ByMethod(app.MapGroup(""));
        AuthEndpoints.Map(routes);
        DashboardEndpoints.Map(routes);
        ExperimentEndpoints.Map(routes);
        LabEntryEndpoints.Map(routes);
        ExperimentStoreEndpoints.Map(routes);
        ExportEndpoints.Map(routes);
        AlertEndpoints.Map(routes);
        DeviceEndpoints.Map(routes);
        ProvisioningEndpoints.Map(routes);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapMetrics();
        return app;
    }

    /// <summary>
    /// Refuses unknown keys, binds and validates every options section, checks the data folder and its database, loads
    /// the experiment files and, with <c>--lan</c>, the TLS certificate (made on the first start), so a bad setting
    /// fails here with its own message rather than inside the host's start-up logging.
    /// </summary>
    public static void ValidateConfiguration(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        ConfigurationKeys.ThrowIfUnknown(app.Configuration, StorageOptions.SectionName, typeof(StorageOptions));
        ConfigurationKeys.ThrowIfUnknown(app.Configuration, InfluxOptions.SectionName, typeof(InfluxOptions));
        ConfigurationKeys.ThrowIfUnknown(app.Configuration, MqttOptions.SectionName, typeof(MqttOptions));
        ConfigurationKeys.ThrowIfUnknown(app.Configuration, ExperimentOptions.SectionName, typeof(ExperimentOptions));
        ConfigurationKeys.ThrowIfUnknown(app.Configuration, AlertOptions.SectionName, typeof(AlertOptions));
        ConfigurationKeys.ThrowIfUnknown(app.Configuration, LanOptions.SectionName, typeof(LanOptions));
        StartupChecks.CheckDataFolder(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder);
        _ = app.Services.GetRequiredService<IOptions<InfluxOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<MqttOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<ExperimentOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<AlertOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<LanOptions>>().Value;
        _ = app.Services.GetRequiredService<LanMode>();
        _ = app.Services.GetRequiredService<ExperimentCatalog>();
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
    }

    private static void AddHostedSingleton<TService>(IServiceCollection services)
        where TService : class, IHostedService
    {
        services.AddSingleton<TService>();
        services.AddHostedService(sp => sp.GetRequiredService<TService>());
    }

    private static void AddObserver<TService>(IServiceCollection services)
        where TService : class, IPipelineObserver =>
        services.AddSingleton<IPipelineObserver>(sp => sp.GetRequiredService<TService>());
}
