using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Hosting;

/// <summary><c>pouchmon serve</c> as its own process, so a test can kill it the hard way.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri url)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Starts the host with <paramref name="settings"/> (and <paramref name="options"/> such as <c>--lan</c>) and waits until its MQTT client is subscribed.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, params string[] options)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pouchmon.dll"));
        startInfo.ArgumentList.Add("serve");
        startInfo.ArgumentList.Add($"--urls={url}");
        options.ToList().ForEach(startInfo.ArgumentList.Add);
        foreach (var (key, value) in settings)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(startInfo)!;
        var host = new HostProcess(process, url);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A whole process start (JIT, store, broker session) on a busy machine: more than the default 30 s.
        await Eventually.WaitAsync(() => host.IsBrokerHealthy(), "the host process is subscribed", TimeSpan.FromMinutes(2));
        return host;
    }

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The process's resident memory now, in MB.</summary>
    public double WorkingSetMb
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / 1e6;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed or acknowledged.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private bool IsBrokerHealthy()
    {
        try
        {
            var health = _http.GetFromJsonAsync<JsonElement>(new Uri("healthz", UriKind.Relative)).GetAwaiter().GetResult();
            return health.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString() == "Healthy";
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
