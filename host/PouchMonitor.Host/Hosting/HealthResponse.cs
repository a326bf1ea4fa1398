using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PouchMonitor.Host.Lan;

namespace PouchMonitor.Host.Hosting;

/// <summary>
/// Writes <c>/healthz</c> as JSON with each check (broker, storage, outbox) reported on its own and, with <c>--lan</c>,
/// the TLS ports and the certificate's SHA-256 fingerprint (public: it is what clients pin).
/// </summary>
public static class HealthResponse
{
    /// <summary>The response writer for <c>HealthCheckOptions.ResponseWriter</c>.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        var lan = context.RequestServices.GetRequiredService<LanMode>();
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            tls = lan.Certificate is { } certificate
                ? new { mqttPort = lan.MqttPort, httpsPort = lan.Options.HttpsPort, fingerprintSha256 = certificate.Fingerprint }
                : null,
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
