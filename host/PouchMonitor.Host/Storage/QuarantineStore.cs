using System.Buffers;

namespace PouchMonitor.Host.Storage;

/// <summary>Messages that broke the contract, kept with the reason for a human to look at.</summary>
public sealed class QuarantineStore(SqliteDatabase database)
{
    /// <summary>Most bytes of a payload kept: enough to see what a message was, never a 100 MiB row.</summary>
    public const int MaxKeptPayloadBytes = 4096;

    /// <summary>Keeps one rejected message: its first <see cref="MaxKeptPayloadBytes"/> bytes, and its length in the reason when cut.</summary>
    public void Add(DateTimeOffset receivedAt, string topic, ReadOnlySequence<byte> payload, string reason)
    {
        if (payload.Length > MaxKeptPayloadBytes)
        {
            reason = $"{reason} (payload {payload.Length} bytes, the first {MaxKeptPayloadBytes} kept)";
            payload = payload.Slice(0, MaxKeptPayloadBytes);
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO quarantine (received_ms, topic, reason, payload) VALUES ($received, $topic, $reason, $payload)";
        command.Parameters.AddWithValue("$received", receivedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$payload", payload.ToArray());
        command.ExecuteNonQuery();
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
