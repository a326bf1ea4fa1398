using System.Globalization;
using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Hosting;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Hosting;

/// <summary>
/// <c>pouchmon serve</c> started in-process on a free HTTP port with the given settings, with an operator whose API
/// token <see cref="Http"/> sends, and every log line kept in <see cref="Logs"/>.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private ServeHost(WebApplication app, Uri url, LogCapture logs)
    {
        _app = app;
        Logs = logs;
        Url = url;
        Anonymous = NewClient(null);
        Http = NewClient(null);
    }

    public IServiceProvider Services => _app.Services;

    public Uri Url { get; }

    /// <summary>A client with the operator's API token.</summary>
    public HttpClient Http { get; }

    /// <summary>A client that sends no credential.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>Every log line of the host.</summary>
    public LogCapture Logs { get; }

    /// <summary>Passwords and tokens this host handed out, for the test that no log holds one.</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>Adds a user with <paramref name="role"/> and a random password; returns the password.</summary>
    public async Task<string> AddUserAsync(string name, string role)
    {
        var password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByNameAsync(name) is { } earlier)
        {
            // A host started again on the same data folder.
            await users.DeleteAsync(earlier);
        }

        var errors = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(name, password, role);
        Assert.Empty(errors);
        Secrets.Add(password);
        return password;
    }

    /// <summary>An API token of <paramref name="name"/> (an existing user).</summary>
    public async Task<(long Id, string Secret)> CreateTokenAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name);
        var (token, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user!.Id, "test");
        Secrets.Add(secret);
        return (token.Id, secret);
    }

    /// <summary>A client with an API token of a new user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}";
        await AddUserAsync(name, role);
        return NewClient((await CreateTokenAsync(name)).Secret);
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = Url };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts a host; <paramref name="settings"/> are configuration keys such as <c>Mqtt:Port</c>.</summary>
    public static async Task<ServeHost> StartAsync(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configureServices = null)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));
        var args = settings.Select(s => $"--{s.Key}={s.Value}").Append($"--urls={url}").ToArray();
        var logs = new LogCapture();
        var app = ServeApplication.Build(args, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            configureServices?.Invoke(services);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var host = new ServeHost(app, url, logs);
        await host.AddUserAsync(OperatorName, Roles.Operator);
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await host.CreateTokenAsync(OperatorName)).Secret);
        return host;
    }

    /// <summary>The operator whose token <see cref="Http"/> sends.</summary>
    public const string OperatorName = "test-operator";

    /// <summary>The operator's password.</summary>
    public string OperatorPassword => Secrets[0];

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
