using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PouchMonitor.Host.Hosting;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Hosting;

/// <summary><c>pouchmon serve</c> started in-process on a free HTTP port with the given settings.</summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServeHost(WebApplication app, Uri url)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = url };
    }

    public IServiceProvider Services => _app.Services;

    public HttpClient Http { get; }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>Mqtt:Port</c>.</summary>
    public static async Task<ServeHost> StartAsync(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configureServices = null)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));
        var args = settings.Select(s => $"--{s.Key}={s.Value}").Append($"--urls={url}").ToArray();
        var app = ServeApplication.Build(args, configureServices);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ServeHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
