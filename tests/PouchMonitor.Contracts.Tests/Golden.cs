using System.Text;

namespace PouchMonitor.Contracts.Tests;

/// <summary>The v1 golden payloads in Golden/, as the bytes on the wire (the file's final newline is not part of them).</summary>
internal static class Golden
{
    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(Text(name));

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name)).TrimEnd('\n');
}
