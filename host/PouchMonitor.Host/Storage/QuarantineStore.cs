namespace PouchMonitor.Host.Storage;

/// <summary>Messages that broke the contract, kept with the reason for a human to look at.</summary>
public sealed class QuarantineStore(SqliteDatabase database)
{
    private const string InsertSql = "INSERT INTO quarantine (received_ms, topic, reason, payload) VALUES ($received, $topic, $reason, $payload)";

    /// <summary>Keeps one rejected message inside the writer's transaction.</summary>
    public static void Add(WriteSession session, DateTimeOffset receivedAt, string topic, byte[] payload, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        var command = session.Command(InsertSql);
        WriteSession.Bind(command, "$received", receivedAt.ToUnixTimeMilliseconds());
        WriteSession.Bind(command, "$topic", topic);
        WriteSession.Bind(command, "$reason", reason);
        WriteSession.Bind(command, "$payload", payload);
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
