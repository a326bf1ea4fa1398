using Microsoft.AspNetCore.Http.HttpResults;
using PouchMonitor.Host.Alerts;

namespace PouchMonitor.Host.Api;

/// <summary><c>/api/alerts</c>: list alerts (optionally of one experiment) and acknowledge one.</summary>
public static class AlertEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerts");
        api.MapGet("/", (string? experiment, AlertStore store) => TypedResults.Ok(store.All(experiment)));
        api.MapPost("/{id:long}/ack", Acknowledge);
    }

    private static Results<NoContent, ProblemHttpResult> Acknowledge(long id, AlertEngine engine) =>
        engine.Acknowledge(id)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"There is no unacknowledged alert {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
