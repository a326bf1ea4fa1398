using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;

namespace PouchMonitor.Firmware.Core.Tests.Broker;

/// <summary>
/// A private mosquitto on 127.0.0.1 and a free port, with persistence in a temporary folder, so that a stop (SIGTERM,
/// which saves the in-memory store) and a start behave like a broker restart in production.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class Mosquitto : IDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _folder = Directory.CreateTempSubdirectory("pouchmon-mosquitto-").FullName;
    private Process? _process;

    public Mosquitto()
    {
        Port = TestSupport.FreePort.Next();
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        // Run as root, mosquitto drops to user "mosquitto": it must read the config and write its store.
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_111_111);
        ConfigPath = Path.Combine(_folder, "mosquitto.conf");
        File.WriteAllText(ConfigPath, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            set_tcp_nodelay true
            persistence true
            persistence_location {data}/
            max_queued_messages 100000
            """);
        File.SetUnixFileMode(ConfigPath, (UnixFileMode)0b110_100_100);
    }

    public int Port { get; }

    private string ConfigPath { get; }

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo(Executable, ["-c", ConfigPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntilListening();
    }

    /// <summary>Stops the broker the way a service manager does (SIGTERM), so it saves its store.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process!.HasExited)
            {
                Thread.Sleep(20);
            }
        }
    }
}
