using System.Text;
using CsCheck;

namespace PouchMonitor.Contracts.Tests;

/// <summary>No payload, however broken, makes a decoder throw: it returns an invalid result with a reason.</summary>
public class DecoderPoisonPropertyTests
{
    private const string Device = "esp32-3c71bf";

    private static readonly string[] GoldenFiles =
        ["readings-synced.json", "readings-unsynced.json", "status-online.json", "status-offline.json", "config.json"];

    // Fragments that broke or could break a decoder: bad Unicode, extreme numbers, structure.
    private static readonly byte[][] Fragments =
    [
        "\\ud800"u8.ToArray(), "\\udc00\\ud800"u8.ToArray(), [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        "1e400"u8.ToArray(), "-1e400"u8.ToArray(), "1e15"u8.ToArray(), "18446744073709551616"u8.ToArray(), "-0"u8.ToArray(),
        "NaN"u8.ToArray(), "null"u8.ToArray(), "\""u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(),
        "[[[[[[[["u8.ToArray(), "\\u0000"u8.ToArray(), [0x00],
    ];

    private static readonly Gen<byte[]> MutatedGolden =
        Gen.Select(Gen.Int[0, GoldenFiles.Length - 1], Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, Fragments.Length - 1], Gen.Int[1, 3])
            .Select((file, kind, at, fragment, count) => Mutate(Golden.Bytes(GoldenFiles[file]), kind, at, Fragments[fragment], count));

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 512].Sample(AssertEveryDecoderRejectsOrAccepts, iter: 20_000);
    }

    [Fact]
    public void Decode_MutatedGoldenPayloads_NeverThrows()
    {
        MutatedGolden.Sample(AssertEveryDecoderRejectsOrAccepts, iter: 20_000);
    }

    [Fact]
    public void Decode_GoldenWithRandomUtf16InStrings_NeverThrows()
    {
        var text = Gen.Char.Array[1, 8].Select(chars => new string(chars));
        Gen.Select(Gen.Int[0, GoldenFiles.Length - 1], text).Sample(
            (file, inserted) =>
            {
                var json = Golden.Text(GoldenFiles[file]).Replace("\"esp32-3c71bf\"", "\"" + Escape(inserted) + "\"", StringComparison.Ordinal);
                AssertEveryDecoderRejectsOrAccepts(Encoding.UTF8.GetBytes(json));
            },
            iter: 5_000);
    }

    private static void AssertEveryDecoderRejectsOrAccepts(byte[] payload)
    {
        AssertResult(ReadingBatchDecoder.Decode(Device, payload));
        AssertResult(DeviceStatusDecoder.Decode(Device, payload));
        AssertResult(DeviceConfigDecoder.Decode(Device, payload));
    }

    private static void AssertResult<T>(DecodeResult<T> result)
        where T : class
    {
        if (!result.IsValid)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    private static byte[] Mutate(byte[] golden, int kind, int at, byte[] fragment, int count)
    {
        var bytes = golden.ToList();
        for (var i = 0; i < count; i++)
        {
            var index = (int)((uint)(at + (i * 7919)) % (uint)bytes.Count);
            switch (kind)
            {
                case 0:
                    bytes.InsertRange(index, fragment);
                    break;
                case 1:
                    bytes.RemoveRange(index, Math.Min(fragment.Length, bytes.Count - index));
                    bytes.InsertRange(index, fragment);
                    break;
                default:
                    bytes.RemoveRange(index, Math.Min(count, bytes.Count - index));
                    break;
            }
        }

        return [.. bytes];
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => $"\\u{(int)c:x4}"));
}
