namespace PouchMonitor.Contracts;

/// <summary>Rules for a device id, the topic level that names a board (for example <c>esp32-3c71bf</c>).</summary>
public static class DeviceId
{
    /// <summary>Longest device id, in characters.</summary>
    public const int MaxLength = 32;

    /// <summary>Topic level reserved for host alerts; no device may take it as its id.</summary>
    public const string ReservedAlerts = "alerts";

    /// <summary>
    /// True when <paramref name="deviceId"/> is 1–32 characters of lower-case ASCII letters, digits and '-',
    /// starts with a letter or digit, and is not <see cref="ReservedAlerts"/>.
    /// </summary>
    public static bool IsValid(string? deviceId)
    {
        if (string.IsNullOrEmpty(deviceId) || deviceId.Length > MaxLength || deviceId == ReservedAlerts || deviceId[0] == '-')
        {
            return false;
        }

        foreach (var c in deviceId)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
