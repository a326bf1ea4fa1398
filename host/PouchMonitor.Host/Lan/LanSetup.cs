using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PouchMonitor.Host.Lan;

/// <summary>
/// Wires <see cref="LanMode"/> into <c>pouchmon serve</c>: with <c>Lan:Enabled</c> the web app gets HTTPS addresses on
/// the lab's addresses and keeps its plain ones (<c>--urls</c>, default <c>http://localhost:5000</c>) as configured.
/// </summary>
public static class LanSetup
{
    // What ASP.NET Core binds when nothing is configured.
    private const string DefaultUrl = "http://localhost:5000";

    /// <summary>True when the configuration asks for lan mode.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(LanOptions.SectionName).GetValue<bool>(nameof(LanOptions.Enabled));

    /// <summary>In lan mode, the HTTPS addresses with the certificate of the registered <see cref="LanMode"/>.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        var options = builder.Configuration.GetSection(LanOptions.SectionName).Get<LanOptions>() ?? new LanOptions();
        builder.Configuration.AddInMemoryCollection(Endpoints(builder.Configuration, options));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<LanMode>((kestrel, lan) =>
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = lan.Certificate!.Certificate));
    }

    /// <summary>
    /// One HTTPS address per lab address, or one for every interface, beside the plain ones: added to <c>urls</c>
    /// (default <c>http://localhost:5000</c>), or as <c>Kestrel:Endpoints</c> when those are configured (Kestrel then
    /// ignores <c>urls</c>).
    /// </summary>
    private static Dictionary<string, string?> Endpoints(IConfiguration configuration, LanOptions options)
    {
        // A bad address stops the start in validation (Lan:Addresses) before anything binds.
        var hosts = options.Addresses.Count == 0 ? ["*"]
            : options.Addresses.All(a => IPAddress.TryParse(a, out _)) ? options.BoundAddresses().Select(UrlHost)
            : [];
        var https = hosts.Select(h => string.Create(CultureInfo.InvariantCulture, $"https://{h}:{options.HttpsPort}")).ToList();
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            return https.Select((url, i) => (url, i)).ToDictionary(e => $"Kestrel:Endpoints:PouchmonLan{e.i}:Url", e => (string?)e.url);
        }

        // A non-empty 'urls' in the app's configuration wins over the one the host read at start.
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured : DefaultUrl;
        return new Dictionary<string, string?> { ["urls"] = string.Join(';', [urls, .. https]) };
    }

    private static string UrlHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
