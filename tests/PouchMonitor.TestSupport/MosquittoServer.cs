using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace PouchMonitor.TestSupport;

/// <summary>
/// A private mosquitto on 127.0.0.1 and a free port, with its own config, optional password file and ACL,
/// and persistence on, so <see cref="Stop"/> then <see cref="StartAsync"/> keeps clients' sessions and queued messages.
/// </summary>
/// <remarks>Run as root, mosquitto drops to user <c>mosquitto</c>: every file it reads is made world-readable.</remarks>
public sealed class MosquittoServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _directory;
    private readonly string _configPath;
    private ServerProcess? _process;

    private MosquittoServer(string directory, int port)
    {
        _directory = directory;
        _configPath = Path.Combine(directory, "mosquitto.conf");
        Port = port;
    }

    /// <summary>The host to connect to.</summary>
    public static string Host => "127.0.0.1";

    /// <summary>The TCP port it listens on.</summary>
    public int Port { get; }

    /// <summary>With TLS: the path of its self-signed certificate (PEM, for 127.0.0.1), to trust as a CA; otherwise null.</summary>
    public string? CertificatePath { get; private set; }

    /// <summary>Starts a broker; with <paramref name="users"/> anonymous clients are refused.</summary>
    /// <param name="users">Username to password; null allows anonymous clients.</param>
    /// <param name="aclLines">Lines of a mosquitto ACL file (<c>user</c>, <c>topic</c>, <c>pattern</c>); null for none.</param>
    /// <param name="tls">Listen with TLS only, with a fresh self-signed certificate for 127.0.0.1.</param>
    public static async Task<MosquittoServer> StartNewAsync(
        IReadOnlyDictionary<string, string>? users = null,
        IEnumerable<string>? aclLines = null,
        bool tls = false)
    {
        var directory = Directory.CreateTempSubdirectory("pouchmon-mosquitto-").FullName;
        var server = new MosquittoServer(directory, FreePort.Next());
        server.WriteConfig(users, aclLines, tls);
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Starts a broker with a deployment's config file as it is, except its <c>listener</c>, <c>password_file</c>,
    /// <c>acl_file</c> and <c>persistence_location</c> lines, which point at this broker's port and folder.
    /// </summary>
    public static async Task<MosquittoServer> StartWithConfigFileAsync(
        string configFile, IReadOnlyDictionary<string, string> users, IEnumerable<string> aclLines)
    {
        var directory = Directory.CreateTempSubdirectory("pouchmon-mosquitto-").FullName;
        var server = new MosquittoServer(directory, FreePort.Next());
        string[] replaced = ["listener", "password_file", "acl_file", "persistence_location"];
        var kept = File.ReadAllLines(configFile).Where(line => !replaced.Contains(line.Split(' ')[0], StringComparer.Ordinal));
        var dataDirectory = server.CreateDataDirectory();
        server.WriteReadable("mosquitto.conf", [
            .. kept,
            string.Create(CultureInfo.InvariantCulture, $"listener {server.Port} {Host}"),
            $"persistence_location {dataDirectory}/",
            $"password_file {server.WritePasswordFile(users)}",
            $"acl_file {server.WriteReadable("acl", aclLines)}",
        ]);
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>mosquitto's persistence file; it exists once mosquitto has saved.</summary>
    public string PersistenceFile => Path.Combine(_directory, "data", "mosquitto.db");

    /// <summary>SIGKILL: mosquitto keeps only what it saved before.</summary>
    public void Kill()
    {
        _process?.Kill();
        Stop();
    }

    /// <summary>Starts (again) with the same port, config and persisted state.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("mosquitto is already running.");
        }

        _process = new ServerProcess(Executable, ["-c", _configPath]);
        await Readiness.WaitAsync(_process, "mosquitto", IsListeningAsync).ConfigureAwait(false);
    }

    /// <summary>Stops gracefully: mosquitto writes its persistence file on SIGTERM.</summary>
    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Host, Port).ConfigureAwait(false);
        return true;
    }

    private void WriteConfig(IReadOnlyDictionary<string, string>? users, IEnumerable<string>? aclLines, bool tls)
    {
        var dataDirectory = CreateDataDirectory();

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"listener {Port} {Host}"),
            "set_tcp_nodelay true",
            "persistence true",
            $"persistence_location {dataDirectory}/",
            "autosave_interval 1",
            "max_queued_messages 100000",
            "max_inflight_messages 100",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            $"allow_anonymous {(users is null ? "true" : "false")}",
        };
        if (users is not null)
        {
            lines.Add($"password_file {WritePasswordFile(users)}");
        }

        if (aclLines is not null)
        {
            lines.Add($"acl_file {WriteReadable("acl", aclLines)}");
        }

        if (tls)
        {
            using var certificate = SelfSignedCertificate.ForLoopback();
            CertificatePath = WriteReadable("cert.pem", [certificate.ExportCertificatePem()]);
            lines.Add($"certfile {CertificatePath}");
            lines.Add($"keyfile {WriteReadable("key.pem", [certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem()])}");
        }

        WriteReadable("mosquitto.conf", lines);
    }

    private string CreateDataDirectory()
    {
        var dataDirectory = Path.Combine(_directory, "data");
        Directory.CreateDirectory(dataDirectory);
        SetMode(_directory, ReadableDirectory);
        // mosquitto writes its persistence file here as user mosquitto.
        SetMode(dataDirectory, ReadableDirectory | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        return dataDirectory;
    }

    private string WritePasswordFile(IReadOnlyDictionary<string, string> users)
    {
        var path = WriteReadable("passwd", []);
        foreach (var (user, password) in users)
        {
            using var process = Process.Start("/usr/bin/mosquitto_passwd", ["-b", path, user, password]);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd failed for user {user}.");
            }
        }

        SetMode(path, ReadableFile);
        return path;
    }

    private string WriteReadable(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        SetMode(path, ReadableFile);
        return path;
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test servers run on Linux (Debian's mosquitto).");
        }

        File.SetUnixFileMode(path, mode);
    }

    private const UnixFileMode ReadableFile =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode ReadableDirectory = ReadableFile |
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
}
