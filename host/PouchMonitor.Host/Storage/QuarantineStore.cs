using System.Buffers;

namespace PouchMonitor.Host.Storage;

/// <summary>Messages that broke the contract, kept with the reason for a human to look at.</summary>
public sealed class QuarantineStore(SqliteDatabase database)
{
    private const string InsertSql = "INSERT INTO quarantine (received_ms, topic, reason, payload) VALUES ($received, $topic, $reason, $payload)";

    /// <summary>Most bytes of a payload kept: enough to see what a message was, never a 100 MiB row.</summary>
    public const int MaxKeptPayloadBytes = 4096;

    /// <summary>
    /// The write that keeps one rejected message inside the writer's transaction: its first
    /// <see cref="MaxKeptPayloadBytes"/> bytes, copied now, and its length in the reason when cut.
    /// </summary>
    public static Action<WriteSession> Add(DateTimeOffset receivedAt, string topic, ReadOnlySequence<byte> payload, string reason)
    {
        if (payload.Length > MaxKeptPayloadBytes)
        {
            reason = $"{reason} (payload {payload.Length} bytes, the first {MaxKeptPayloadBytes} kept)";
            payload = payload.Slice(0, MaxKeptPayloadBytes);
        }

        var kept = payload.ToArray();
        return session =>
        {
            var command = session.Command(InsertSql);
            WriteSession.Bind(command, "$received", receivedAt.ToUnixTimeMilliseconds());
            WriteSession.Bind(command, "$topic", topic);
            WriteSession.Bind(command, "$reason", reason);
            WriteSession.Bind(command, "$payload", kept);
            command.ExecuteNonQuery();
        };
    }

    /// <summary>The reasons of every kept message, oldest first.</summary>
    public IReadOnlyList<string> Reasons()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason FROM quarantine ORDER BY id";
        using var reader = command.ExecuteReader();
        var reasons = new List<string>();
        while (reader.Read())
        {
            reasons.Add(reader.GetString(0));
        }

        return reasons;
    }
}
