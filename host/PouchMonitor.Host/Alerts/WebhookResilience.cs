using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PouchMonitor.Host.Alerts;

/// <summary>
/// The webhook client's resilience pipeline: 3 attempts in all, 1 s then 2 s apart, on transient HTTP errors
/// (connection failures, 408, 429, 5xx, an attempt timing out), each attempt cut off after 10 s. Every delay runs on
/// the host's <see cref="TimeProvider"/>.
/// </summary>
internal static partial class WebhookResilience
{
    public const string PipelineName = "webhook";
    private const int Attempts = 3;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = context.ServiceProvider.GetRequiredService<ILogger<AlertDispatcher>>();
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Attempts - 1,
            BackoffType = DelayBackoffType.Linear,
            Delay = FirstRetryDelay,
            UseJitter = false,
            // A server's Retry-After must not hold back the alerts queued behind this one.
            ShouldRetryAfterHeader = false,
            OnRetry = args =>
            {
                var webhook = args.Context.GetRequestMessage()?.RequestUri;
                LogAttemptFailed(logger, webhook, args.AttemptNumber + 1, Reason(args.Outcome));
                return ValueTask.CompletedTask;
            },
        });
        // Inside the retry: each attempt has its own timeout.
        builder.AddTimeout(AttemptTimeout);
    }

    /// <summary>Logs a failed attempt that is retried; the dispatcher logs the final failure.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Webhook} attempt {Attempt} failed, retrying: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, Uri? webhook, int attempt, string reason);

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.Message ?? $"HTTP {(int)outcome.Result!.StatusCode} ({outcome.Result.StatusCode})";
}
