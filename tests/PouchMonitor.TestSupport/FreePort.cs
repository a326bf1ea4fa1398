using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PouchMonitor.TestSupport;

/// <summary>
/// Free TCP ports on loopback from below the kernel's ephemeral range, in turn, so a test process hands a port out
/// again only after some 20,000 others (10000 up to the range's start). Ports from the ephemeral range are not safe: a port
/// the kernel gives for port 0 may be given again, before the test's server binds it, as the local port of an outgoing
/// connection (seen on a busy machine: "address already in use").
/// </summary>
public static class FreePort
{
    private const int First = 10_000;
    private static readonly int Count = Math.Max(0, EphemeralStart() - First);
    private static int _next = Count > 0 ? Random.Shared.Next(Count) : 0;

    /// <summary>A port that was free a moment ago on 127.0.0.1, the next in turn.</summary>
    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % (uint)Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        // No range below the ephemeral one: let the kernel choose.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // The first port of net.ipv4.ip_local_port_range (32768 when it cannot be read).
    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
