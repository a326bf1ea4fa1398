using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Mqtt;

namespace PouchMonitor.Host.Api;

/// <summary>
/// <c>/api/device-credentials</c>, for admins: the boards with a credential at the embedded broker, adding one (the
/// password and the board's files are in the answer, the only time they exist) and removing one (its next login is
/// refused; its readings stay). The same <see cref="DeviceProvisioning"/> as <c>pouchmon device</c>. Errors are ProblemDetails.
/// </summary>
public static class ProvisioningEndpoints
{
    /// <summary>Maps the endpoints, each for admins only.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/device-credentials").RequireAuthorization(AuthPolicies.Admin);
        api.MapGet("/", (DeviceProvisioning provisioning) => TypedResults.Ok(provisioning.List()));
        api.MapGet("/defaults", Defaults);
        api.MapPost("/", Add);
        api.MapDelete("/{device}", Remove);
    }

    private static Ok<ProvisioningDefaults> Defaults(IOptions<MqttOptions> options, LanMode lan)
    {
        var mqtt = options.Value;
        if (mqtt.Broker is { } external)
        {
            return TypedResults.Ok(new ProvisioningDefaults($"{external.Scheme}://{external.Authority}", null,
                "This host uses an external broker: give the board a user there with the password shown (docs/deploy.md)."));
        }

        if (lan is { MqttPort: { } tlsPort, Certificate: { } certificate })
        {
            // A generated certificate is its own CA; a configured one was signed by a CA whose PEM only the lab has.
            return TypedResults.Ok(certificate.Generated
                ? new ProvisioningDefaults(DeviceProvisioning.DefaultBroker(tlsPort, tls: true), certificate.Certificate.ExportCertificatePem(), null)
                : new ProvisioningDefaults(DeviceProvisioning.DefaultBroker(tlsPort, tls: true), null,
                    "Give the PEM of the CA that signed this host's certificate (Lan:CertificateFile)."));
        }

        var note = IPAddress.TryParse(mqtt.BindAddress, out var bind) && IPAddress.IsLoopback(bind)
            ? $"The embedded broker listens on {mqtt.BindAddress} only: a board reaches it once the host runs with --lan (docs/host.md)."
            : null;
        return TypedResults.Ok(new ProvisioningDefaults(DeviceProvisioning.DefaultBroker(mqtt.Port), null, note));
    }

    private static Results<Created<AddedDevice>, ProblemHttpResult> Add(AddRequest? body, DeviceProvisioning provisioning, IOptions<MqttOptions> options,
        LanMode lan, HttpContext context)
    {
        var defaults = Defaults(options, lan).Value!;
        var broker = OrNull(body?.Broker);
        var request = new DeviceProvisioningRequest(
            body?.DeviceId?.Trim() ?? "",
            body?.Label,
            broker ?? defaults.Broker,
            OrNull(body?.CaPem) ?? (broker is null || broker == defaults.Broker ? defaults.CaPem : null),
            body?.WifiSsid ?? "",
            body?.WifiPassword ?? "",
            OrNull(body?.NtpServer),
            OrNull(body?.SerialPort));
        try
        {
            var added = provisioning.Add(request, folder: null, JsonName);
            // The answer holds the board's password and the Wi-Fi password.
            context.Response.Headers.CacheControl = "no-store";
            var credential = added.Credential;
            return TypedResults.Created($"/api/device-credentials/{Uri.EscapeDataString(credential.DeviceId)}", new AddedDevice(
                credential.DeviceId, credential.Label, credential.CreatedAt, added.Password, BoardConfigFile.FileName, added.ConfigFile,
                BoardConfigFile.DeploymentFileName, added.DeploymentFile, BoardConfigFile.BoardPath, added.NanoffCommand));
        }
        catch (ProvisioningException e)
        {
            return Problem(e);
        }
    }

    private static Results<NoContent, ProblemHttpResult> Remove(string device, DeviceProvisioning provisioning)
    {
        try
        {
            return provisioning.Remove(device, JsonName)
                ? TypedResults.NoContent()
                : TypedResults.Problem($"Device '{device}' has no credential.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (ProvisioningException e)
        {
            return Problem(e);
        }
    }

    private static ProblemHttpResult Problem(ProvisioningException e) => TypedResults.Problem(e.Message,
        statusCode: e.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
        title: e.IsConflict ? "Device exists" : "Invalid device",
        extensions: new Dictionary<string, object?> { ["field"] = JsonName(e.Field) });

    private static string JsonName(ProvisioningField field) => field switch
    {
        ProvisioningField.DeviceId => "deviceId",
        ProvisioningField.Label => "label",
        ProvisioningField.Broker => "broker",
        ProvisioningField.CaPem => "caPem",
        ProvisioningField.WifiSsid => "wifiSsid",
        ProvisioningField.WifiPassword => "wifiPassword",
        ProvisioningField.NtpServer => "ntpServer",
        _ => "serialPort",
    };

    private static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record AddRequest(
        string? DeviceId, string? Label, string? Broker, string? CaPem, string? WifiSsid, string? WifiPassword, string? NtpServer, string? SerialPort);

    private sealed record ProvisioningDefaults(string Broker, string? CaPem, string? Note);

    private sealed record AddedDevice(
        string DeviceId, string? Label, DateTimeOffset CreatedAt, string Password, string ConfigFileName, string ConfigFile,
        string DeploymentFileName, string DeploymentFile, string BoardPath, string NanoffCommand);
}
