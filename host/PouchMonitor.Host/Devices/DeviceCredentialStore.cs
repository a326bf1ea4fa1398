using System.Security.Cryptography;
using System.Text;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Devices;

/// <summary>
/// The MQTT credentials of devices provisioned with <c>pouchmon device add</c> or the devices page, in the table <c>device_credentials</c>:
/// a random password per device, kept only as a salted PBKDF2-SHA256 hash, so the store reveals no password.
/// </summary>
public sealed class DeviceCredentialStore
{
    // The password is 160 random bits, beyond any guessing; the iterations only add the usual margin against a
    // stolen database file, at a few milliseconds of CPU per login.
    private const int Iterations = 10_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int PasswordBytes = 20;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Keeps the credentials in the table <c>device_credentials</c> of <paramref name="database"/>.</summary>
    public DeviceCredentialStore(SqliteDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    /// <summary>A new device password: 160 random bits in lower-case hex.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PasswordBytes));

    /// <summary>Stores a credential for <paramref name="deviceId"/>; false when the device already has one (which stays).</summary>
    /// <param name="deviceId">A valid device id (<see cref="DeviceId.IsValid"/>).</param>
    /// <param name="label">What the lab calls the board, or null.</param>
    /// <param name="password">Its password (<see cref="NewPassword"/>); only its salted hash is kept.</param>
    public bool TryAdd(string deviceId, string? label, string password)
    {
        if (!DeviceId.IsValid(deviceId))
        {
            throw new ArgumentException($"'{deviceId}' is not a valid device id", nameof(deviceId));
        }

        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO device_credentials (device, salt, hash, iterations, created_ms, label)
            VALUES ($device, $salt, $hash, $iterations, $created, $label) ON CONFLICT (device) DO NOTHING
            """;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$salt", salt);
        command.Parameters.AddWithValue("$hash", Hash(password, salt, Iterations));
        command.Parameters.AddWithValue("$iterations", Iterations);
        command.Parameters.AddWithValue("$created", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$label", (object?)label ?? DBNull.Value);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>True when <paramref name="deviceId"/> has a credential and <paramref name="password"/> is its password.</summary>
    public bool Verify(string deviceId, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT salt, hash, iterations FROM device_credentials WHERE device = $device";
        command.Parameters.AddWithValue("$device", deviceId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }

        var salt = (byte[])reader.GetValue(0);
        var stored = (byte[])reader.GetValue(1);
        return CryptographicOperations.FixedTimeEquals(Hash(password, salt, reader.GetInt32(2)), stored);
    }

    /// <summary>Every device with a credential, by id.</summary>
    public IReadOnlyList<DeviceCredential> List()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device, label, created_ms FROM device_credentials ORDER BY device";
        using var reader = command.ExecuteReader();
        var devices = new List<DeviceCredential>();
        while (reader.Read())
        {
            devices.Add(new DeviceCredential(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return devices;
    }

    /// <summary>Deletes the credential of <paramref name="deviceId"/>; false when it had none. Its next login is refused.</summary>
    public bool Remove(string deviceId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM device_credentials WHERE device = $device";
        command.Parameters.AddWithValue("$device", deviceId);
        return command.ExecuteNonQuery() == 1;
    }

    private static byte[] Hash(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
