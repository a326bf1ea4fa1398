using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Alerts;

/// <summary>
/// Delivers every alert change to the log, the pouch's retained MQTT alert topic (its open alerts, or an empty
/// payload when none is open) and each webhook (JSON POST with a Slack-compatible <c>text</c>).
/// </summary>
public sealed partial class AlertDispatcher(
    AlertEngine engine,
    AlertStore store,
    IMqttPublisher mqtt,
    IHttpClientFactory httpClientFactory,
    IOptions<AlertOptions> options,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<PouchKey, bool> _published = new();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After a reconnect the retained topics are published again: changes made while disconnected included.
        mqtt.Connected += () => _ = PublishAllAsync(stoppingToken);
        await foreach (var change in engine.Changes.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var alert = change.Alert;
            LogChange(change.Opened ? "opened" : "closed", AlertKinds.Name(alert.Kind), alert.Experiment, alert.Pouch, alert.Message);
            try
            {
                await DeliverAsync(change, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Delivery must never stop the host; the alert itself is stored and shown by the API.
                LogDeliveryFailed(alert.Id, ex.Message);
            }
        }
    }

    private async Task DeliverAsync(AlertChange change, CancellationToken cancellationToken)
    {
        await PublishAsync(new PouchKey(change.Alert.Experiment, change.Alert.Pouch), cancellationToken).ConfigureAwait(false);
        foreach (var webhook in options.Value.Webhooks)
        {
            await PostAsync(webhook, change, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PublishAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pouches = store.OpenAlerts().Select(a => new PouchKey(a.Experiment, a.Pouch)).Concat(_published.Keys).Distinct().ToList();
            foreach (var pouch in pouches)
            {
                await PublishAsync(pouch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRepublishFailed(ex.Message);
        }
    }

    private async Task PublishAsync(PouchKey pouch, CancellationToken cancellationToken)
    {
        var open = store.OpenAlerts().Where(a => a.Experiment == pouch.Experiment && a.Pouch == pouch.Pouch).ToList();
        var payload = open.Count == 0 ? [] : JsonSerializer.SerializeToUtf8Bytes(AlertMessages.Retained(pouch, open), JsonSerializerOptions.Web);
        _published[pouch] = await mqtt.TryPublishAsync(Topics.Alert(pouch.Experiment, pouch.Pouch), payload, retain: true, cancellationToken).ConfigureAwait(false);
        if (!_published[pouch])
        {
            LogMqttDeferred(pouch.Experiment, pouch.Pouch);
        }
    }

    private async Task PostAsync(Uri webhook, AlertChange change, CancellationToken cancellationToken)
    {
        // The client's resilience handler retries transient failures (WebhookResilience); what reaches here is the outcome of the last attempt.
        using var client = httpClientFactory.CreateClient(nameof(AlertDispatcher));
        try
        {
            using var response = await client.PostAsJsonAsync(webhook, AlertMessages.Webhook(change), JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            LogWebhookFailed(webhook, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {State}: {Kind} on {Experiment}/{Pouch}: {Message}")]
    private partial void LogChange(string state, string kind, string experiment, string pouch, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert topic of {Experiment}/{Pouch} not published (MQTT down); it is published again on reconnect")]
    private partial void LogMqttDeferred(string experiment, string pouch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering alert {Id} failed: {Reason}")]
    private partial void LogDeliveryFailed(long id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the alert topics again after a reconnect failed: {Reason}")]
    private partial void LogRepublishFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Webhook} failed, alert not delivered there: {Reason}")]
    private partial void LogWebhookFailed(Uri webhook, string reason);
}
