namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>Contract v1 golden payloads, linked from PouchMonitor.Contracts.Tests/Golden.</summary>
internal static class Golden
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name)).TrimEnd('\n');
}
