using System.Globalization;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>
/// The broker a test runs against: a real mosquitto with a password file and ACL, or the host's embedded broker.
/// Either way devices <c>dev-a</c> and <c>dev-b</c> log in with their own passwords.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    public const string Mosquitto = "mosquitto";
    public const string Embedded = "embedded";
    private const string HostUser = "pouchmon-host";
    private const string HostPassword = "host-secret";

    private TestBroker(string kind, int port, MosquittoServer? mosquitto)
    {
        Kind = kind;
        Port = port;
        Server = mosquitto;
    }

    public static IReadOnlyDictionary<string, string> DevicePasswords { get; } =
        new Dictionary<string, string> { ["dev-a"] = "secret-a", ["dev-b"] = "secret-b" };

    public string Kind { get; }

    public int Port { get; }

    /// <summary>The mosquitto process, null for the embedded broker.</summary>
    public MosquittoServer? Server { get; }

    /// <summary>Host settings that point it at this broker.</summary>
    public IReadOnlyDictionary<string, string> HostSettings
    {
        get
        {
            var port = Port.ToString(CultureInfo.InvariantCulture);
            var settings = new Dictionary<string, string>();
            if (Server is null)
            {
                settings["Mqtt:Port"] = port;
                foreach (var (device, password) in DevicePasswords)
                {
                    settings[$"Mqtt:Devices:{device}"] = password;
                }
            }
            else
            {
                settings["Mqtt:Broker"] = $"mqtt://127.0.0.1:{port}";
                settings["Mqtt:UserName"] = HostUser;
                settings["Mqtt:Password"] = HostPassword;
            }

            return settings;
        }
    }

    public static async Task<TestBroker> StartAsync(string kind)
    {
        if (kind == Embedded)
        {
            return new TestBroker(kind, FreePort.Next(), null);
        }

        var users = DevicePasswords.Append(new(HostUser, HostPassword)).ToDictionary();
        string[] acl = [$"user {HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#", "pattern read pouchmon/v1/alerts/#"];
        var server = await MosquittoServer.StartNewAsync(users, acl);
        return new TestBroker(kind, server.Port, server);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
