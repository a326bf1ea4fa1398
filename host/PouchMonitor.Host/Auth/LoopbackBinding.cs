using System.Net;

namespace PouchMonitor.Host.Auth;

/// <summary>Whether the configured HTTP addresses (<c>urls</c>, <c>Kestrel:Endpoints:*:Url</c>) are all loopback.</summary>
public static class LoopbackBinding
{
    // ASP.NET Core's own default when nothing is configured.
    private const string DefaultUrl = "http://localhost:5000";

    /// <summary>True when every configured address is localhost, 127.0.0.0/8 or [::1].</summary>
    public static bool IsLoopbackOnly(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();
        return (urls.Count == 0 ? [DefaultUrl] : urls).All(IsLoopback);
    }

    private static bool IsLoopback(string url)
    {
        // "http://*:80" and "http://+:80" are not valid URIs but are valid bindings: every address.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
