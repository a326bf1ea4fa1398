using Microsoft.AspNetCore.Http.HttpResults;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Devices;

/// <summary>
/// <c>/api/devices</c>: every device seen with its health and sensors, a sensor's stored readings (assigned to a pouch
/// or not), and the identify and reboot commands, published to the device's command topic. Errors are ProblemDetails.
/// </summary>
public static class DeviceEndpoints
{
    private const int DefaultIdentifyS = 10;
    private const int DefaultColumns = 1200;
    private const int MaxColumns = 8000;

    /// <summary>Maps the endpoints; reads need the read policy, commands the write policy (by method).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/devices");
        api.MapGet("/", (DeviceRegistry registry, ExperimentCatalog catalog, TimeProvider timeProvider) =>
            TypedResults.Ok(registry.Snapshot().Select(d => DeviceView.Of(d, catalog, timeProvider.GetUtcNow()))));
        api.MapGet("/{device}/sensors/{sensor:int}/readings", Readings);
        api.MapPost("/{device}/commands", SendCommand);
    }

    private static Results<Ok<SensorReadings>, ProblemHttpResult> Readings(string device, int sensor, int? columns, DeviceRegistry registry,
        ReadingStore readings)
    {
        if (!registry.Knows(device))
        {
            return NotFound(device);
        }

        if (sensor is < 0 or > 15 || columns is < 1 or > MaxColumns)
        {
            return Invalid($"sensor must be 0–15 and columns 1–{MaxColumns}");
        }

        var data = readings.ForSensor(device, sensor).Where(r => r.Fault is null).ToList();
        var timeS = data.Select(r => r.Time.ToUnixTimeMilliseconds() / 1000.0).ToArray();
        var width = columns ?? DefaultColumns;
        return TypedResults.Ok(new SensorReadings(device, sensor, data.Count,
            Channel(timeS, [.. data.Select(r => r.PressurePa!.Value / 1000)], "kPa", width),
            Channel(timeS, [.. data.Select(r => r.TemperatureC!.Value)], "°C", width)));
    }

    private static RawChannel Channel(double[] timeS, double[] values, string unit, int columns)
    {
        var keptTimes = new List<double>();
        var keptValues = new List<double>();
        if (timeS.Length > 0)
        {
            M4Downsampler.Downsample(timeS, values, timeS[0], timeS[^1], columns, keptTimes, keptValues);
        }

        return new RawChannel(unit, keptTimes, keptValues);
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> SendCommand(string device, CommandRequest? body, DeviceRegistry registry,
        IMqttPublisher mqtt, CancellationToken cancellationToken)
    {
        if (!registry.Knows(device))
        {
            return NotFound(device);
        }

        DeviceCommand command;
        switch (body?.Kind)
        {
            case "identify" when body.DurationS is null or (>= 1 and <= ContractV1.MaxIdentifyS):
                command = DeviceCommand.Identify(body.DurationS ?? DefaultIdentifyS);
                break;
            case "identify":
                return Invalid($"durationS: {body.DurationS} s is outside 1 – {ContractV1.MaxIdentifyS} s");
            case "reboot":
                command = DeviceCommand.Reboot();
                break;
            default:
                return Invalid($"kind: '{body?.Kind}' is not a command: use identify or reboot");
        }

        // QoS 1 and never retained (the contract): a device that is offline now does not reboot when it returns.
        return await mqtt.TryPublishAsync(Topics.Command(device), command.ToPayload(), retain: false, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem("The host is not connected to the MQTT broker; the command was not sent.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Broker unavailable");
    }

    private static ProblemHttpResult NotFound(string device) =>
        TypedResults.Problem($"No message of a device '{device}' has reached this host.",
            statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult Invalid(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    private sealed record CommandRequest(string? Kind, int? DurationS);
}
