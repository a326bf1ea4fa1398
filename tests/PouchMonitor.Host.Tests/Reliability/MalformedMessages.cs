using System.Globalization;
using System.Text;
using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// Generated MQTT messages that break contract v1 in every way a broken or hostile board might, from a seed: random
/// bytes, truncated batches, bad Unicode (invalid UTF-8, lone surrogates escaped and raw), extreme numbers, deep
/// nesting, payloads past the contract's 16 KiB, wrong and foreign topics, retained readings, and now and then a
/// valid batch. Message <c>i</c> carries at most reading <c>seq = i</c>, so whatever is stored can be counted. Every
/// payload stays under the broker's packet limit (a message over it closes the connection, and the PUBACKs of the
/// messages in flight beside it would race the close): those are sent apart.
/// </summary>
internal sealed class MalformedMessages(int seed, string deviceId, string otherDeviceId)
{
    private static readonly string[] BadNumbers =
    [
        "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "1e-400", "18446744073709551616", "-1", "0x10", "1,5", "\"12\"", "null",
        "true", "[]", "{}", "1e15", "9007199254740993", "-9223372036854775809", "01", ".5", "5.", "+1", "1e", "--1",
    ];

    private static readonly string[] BadStrings =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"\\ud800\\u0041\"", "\"\\u0000\"", "\"\\uZZZZ\"", "\"\\\"", "\"unterminated", "\"" + new string('x', 5000) + "\"",
    ];

    private static readonly byte[][] BadUtf8 = [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]];

    private readonly Random _random = new(seed);

    /// <summary>The topic, payload and retain flag of message <paramref name="index"/>; valid says it keeps the contract.</summary>
    public (string Topic, byte[] Payload, bool Retain, bool Valid) Next(uint index)
    {
        var readings = Topics.Readings(deviceId);
        return (index % 23) switch
        {
            0 => (readings, Utf8(Batch(index, "p", "101325.00")), false, true),
            1 or 2 => (readings, RandomBytes(_random.Next(0, 2048)), false, false),
            3 or 4 or 5 => (readings, Utf8(Batch(index, Pick(["seq", "up", "t", "s", "p", "c", "boot", "v"]), Pick(BadNumbers))), false, false),
            6 or 7 => (readings, Utf8(Batch(index, "device", Pick(BadStrings))), false, false),
            8 => (readings, WithBadUtf8(Batch(index, "p", "101325.00")), false, false),
            9 or 10 => (readings, Truncated(Batch(index, "p", "101325.00")), false, false),
            11 => (readings, Utf8(new string('[', _random.Next(100, 20_000))), false, false),
            12 => (readings, Utf8(Oversized(index)), false, false),
            13 => (Topics.Readings(otherDeviceId), Utf8(Batch(index, "p", "101325.00")), false, false),
            14 => (Pick([$"pouchmon/v1/{deviceId}/bogus", $"pouchmon/v2/{deviceId}/readings", "pouchmon/v1", "random/topic", $"pouchmon/v1/{deviceId}/readings/extra"]),
                Utf8(Batch(index, "p", "101325.00")), false, false),
            15 => (readings, Utf8(Batch(index, "p", "101325.00")), true, false),
            16 or 17 => (Pick([Topics.Status(deviceId), Topics.Config(deviceId)]), RandomJson(), false, false),
            18 => (readings, Utf8(Batch(index, "readings", Pick(["[]", "null", "{}", "[1,2]", "[{}]"]))), false, false),
            19 => (readings, Utf8(Batch(index, "extra", "1")), false, false),
            20 => (readings, Utf8(Batch(index, "p", "-0.0")), false, false),
            21 => (readings, Utf8(Batch(index, "t", "4102444800001")), false, false),
            _ => (readings, Utf8(string.Concat(Enumerable.Repeat(Batch(index, "p", "101325.00"), 2))), false, false),
        };
    }

    // One reading of sensor 0 with seq = index; the field named <paramref name="field"/> (of the batch or the reading) set to <paramref name="value"/>.
    private string Batch(uint index, string field, string value)
    {
        string Field(string name, string normal) => $"\"{name}\":{(name == field ? value : normal)}";
        var t = 1_793_520_000_000L + (index * 10_000L);
        var reading = string.Join(',', Field("seq", index.ToString(CultureInfo.InvariantCulture)), Field("up", (index * 10_000L).ToString(CultureInfo.InvariantCulture)),
            Field("t", t.ToString(CultureInfo.InvariantCulture)), Field("s", "0"), Field("p", "101325.00"), Field("c", "50.00"));
        var readings = field == "readings" ? value : $"[{{{reading}}}]";
        var device = field == "device" ? value : $"\"{deviceId}\"";
        return $"{{{Field("v", "1")},\"device\":{device},{Field("boot", "1")},\"readings\":{readings}{(field == "extra" ? ",\"extra\":1" : "")}}}";
    }

    private string Oversized(uint index)
    {
        var batch = Batch(index, "p", "101325.00");
        return batch.Insert(batch.Length - 1, ",\"pad\":\"" + new string('x', ContractV1.MaxPayloadBytes) + "\"");
    }

    private byte[] RandomJson() => Utf8(Pick([
        "{}", "null", "{\"v\":1}", "{\"v\":1,\"device\":\"\\ud800\"}", "[" + Pick(BadNumbers) + "]", "{\"state\":" + Pick(BadStrings) + "}", "{\"v\":1e400}",
        Encoding.UTF8.GetString(RandomBytes(64)),
    ]));

    private byte[] WithBadUtf8(string json)
    {
        var bytes = Utf8(json).ToList();
        bytes.InsertRange(_random.Next(bytes.Count), Pick(BadUtf8));
        return [.. bytes];
    }

    private byte[] Truncated(string json) => Utf8(json[.._random.Next(json.Length - 1)]);

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
