using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Alerts;

/// <summary>The JSON bodies alerts are delivered with (documented in docs/host.md).</summary>
public static class AlertMessages
{
    /// <summary>The retained payload of <c>pouchmon/v1/alerts/{experiment}/{pouch}</c>: every open alert of the pouch.</summary>
    public static object Retained(PouchKey pouch, IReadOnlyList<Alert> open) => new
    {
        v = 1,
        experiment = pouch.Experiment,
        pouch = pouch.Pouch,
        open = open.Select(Body).ToList(),
    };

    /// <summary>A webhook body: Slack shows <c>text</c>; other receivers read <c>alert</c>.</summary>
    public static object Webhook(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var a = change.Alert;
        return new
        {
            text = $"PouchMonitor {(change.Opened ? "ALERT" : "resolved")}: {AlertKinds.Name(a.Kind)} on {a.Experiment}/{a.Pouch}: {a.Message}",
            state = change.Opened ? "open" : "closed",
            alert = Body(a),
        };
    }

    private static object Body(Alert a) => new
    {
        id = a.Id,
        kind = AlertKinds.Name(a.Kind),
        experiment = a.Experiment,
        pouch = a.Pouch,
        openedAt = a.OpenedAt,
        closedAt = a.ClosedAt,
        acknowledgedAt = a.AcknowledgedAt,
        value = a.Value,
        message = a.Message,
    };
}
