using System.Net.Http.Headers;
using System.Text;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// Generated malformed HTTP requests at the host's API, from a seed: query strings with extreme numbers and bad
/// percent-encodings, JSON bodies (events, tares, GC results, experiments) mutated with extreme numbers, impossible
/// dates, lone surrogates, invalid UTF-8, truncation and deep nesting, and gc.csv uploads that break the format.
/// </summary>
internal sealed class MalformedRequests(int seed, string experiment, string pouch)
{
    private static readonly string[] BadQueryValues =
    [
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e308", "-0", "", "%00", "%ED%A0%80", "%FF%FE", "%C0%AF", "%", "%zz", "0x10",
        "1,5", "99999999999999999999", "-2147483649", "true", "%F0%9F%98%80", new string('9', 5000), "[]", "h2", "active", "1e-400",
    ];

    private static readonly string[] BadJsonValues =
    [
        "1e400", "-1e400", "NaN", "null", "\"\\ud800\"", "\"\\udfff x\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"2026-13-45T25:61:61Z\"",
        "\"\"", "{}", "[]", "true", "-1", "1e308", "\"" + new string('a', 100_000) + "\"", "{\"n2Percent\":1e400}", "{\"\":-5}", "{\"h2_percent\":\"x\"}",
        "\"sample\"", "\"vent\"", "\"other\"", "12345678901234567890",
    ];

    private static readonly string[] BadCsvFields =
    [
        "", "NaN", "1e400", "-5", "101", "0.72", "\"a,b\"", "\"unterminated", "2026-01-06T22:15:00Z", "9999-12-31T23:59:59Z", "A1", "nope", "\u0000",
        "\ud800", "=cmd|' /C calc'!A0", new string('x', 20_000), "1;2", "70.6146",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Request <paramref name="index"/>, with a short description for failure messages.</summary>
    public (HttpRequestMessage Request, string What) Next(int index)
    {
        var api = $"api/experiments/{experiment}";
        return (index % 12) switch
        {
            0 or 1 => Get($"{api}/trend?{Query("quantity", "basis", "fromDays", "toDays", "columns", "full")}"),
            2 => Get(Pick([$"{api}/pouches/{Segment()}/gas", $"{api}/pouches/{pouch}/raw?{Query("columns")}", $"api/experiments/{Segment()}/pouches",
                $"{api}/pouches/{Segment()}/entries", $"api/devices/{Segment()}/sensors/{Pick(BadQueryValues)}/readings?{Query("columns")}",
                $"{api}/overview?{Query("at")}", $"api/alerts?{Query("experiment")}", $"{api}/journal"])),
            3 => Json(HttpMethod.Post, $"{api}/pouches/{pouch}/events", Mutate("{\"time\":\"2026-01-06T22:15:00Z\",\"kind\":\"sample\",\"note\":\"n\"}")),
            4 => Json(HttpMethod.Post, $"{api}/pouches/{pouch}/tare", Mutate("{\"time\":\"2026-01-06T22:15:00Z\"}")),
            5 => Json(HttpMethod.Post, $"{api}/gc",
                Mutate($"[{{\"time\":\"2026-01-06T22:15:00Z\",\"pouch\":\"{pouch}\",\"h2Percent\":3.2,\"otherPercents\":{{\"n2Percent\":1.5}}}}]")),
            6 or 7 => Upload($"{api}/gc.csv{(_random.Next(2) == 0 ? "" : "?replace=" + Pick(BadQueryValues))}"),
            8 => Upload($"{api}/gc.csv/preview"),
            9 => Json(Pick([HttpMethod.Post, HttpMethod.Put]), Pick(["api/experiments", api]), Mutate(
                $"{{\"experiment\":\"{experiment}\",\"eventSettleMinutes\":30,\"pouches\":[{{\"id\":\"{pouch}\",\"slurryMassG\":1.1,\"source\":{{\"device\":\"dev-a\",\"sensor\":0}},\"vessel\":{{\"kind\":\"headspace\",\"gasVolumeMl\":60}}}}]}}")),
            10 => Json(HttpMethod.Put, $"{api}/pouches/{pouch}/events/{Pick(BadQueryValues)}", Mutate("{\"time\":\"2026-01-06T22:15:00Z\",\"kind\":\"vent\"}")),
            _ => Raw(),
        };
    }

    private static (HttpRequestMessage, string) Get(string path) => (new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), "GET " + Short(path));

    private static (HttpRequestMessage, string) Json(HttpMethod method, string path, byte[] body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return (request, $"{method} {Short(path)} {Short(Encoding.UTF8.GetString(body))}");
    }

    private (HttpRequestMessage, string) Upload(string path)
    {
        var file = GcCsv();
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, _random.Next(10) == 0 ? "other" : "file", "gc.csv");
        return (new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form }, $"POST {Short(path)} gc.csv {Short(Encoding.UTF8.GetString(file))}");
    }

    // A request whose body does not match its content type, or with bytes that are not text.
    private (HttpRequestMessage, string) Raw()
    {
        var body = new byte[_random.Next(0, 4096)];
        _random.NextBytes(body);
        var request = new HttpRequestMessage(Pick([HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch]), new Uri(Pick([
            $"api/experiments/{experiment}/gc", $"api/experiments/{experiment}/gc.csv", $"api/experiments/{experiment}/pouches/{pouch}/events",
            "api/experiments", $"api/experiments/{experiment}/pouches/{pouch}/gc?{Query("time")}", $"api/experiments/{experiment}/pouches/{pouch}/tare",
        ]), UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(["application/json", "multipart/form-data; boundary=x", "text/csv", "application/json; charset=utf-7"]));
        return (request, $"{request.Method} {request.RequestUri} {body.Length} random bytes");
    }

    private string Query(params string[] names) =>
        string.Join('&', names.Where(_ => _random.Next(3) > 0).Select(n => $"{n}={Pick(BadQueryValues)}"));

    private string Segment() => Pick(["%ED%A0%80", "%FF", "..", "%2e%2e", "%2F", new string('p', 3000), "A1%00", "%F0%9F%98%80", "nope"]);

    private byte[] Mutate(string json)
    {
        switch (_random.Next(6))
        {
            case 0:
                return Utf8(json[.._random.Next(json.Length)]);
            case 1:
                var bytes = Utf8(json).ToList();
                bytes.InsertRange(_random.Next(bytes.Count), Pick<byte[]>([[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF]]));
                return [.. bytes];
            case 2:
                return Utf8(new string('[', _random.Next(10, 50_000)));
            default:
                // A value replaced: every quoted string or number after a colon is a candidate.
                var colons = Enumerable.Range(0, json.Length).Where(i => json[i] == ':').ToList();
                var at = colons[_random.Next(colons.Count)] + 1;
                var end = at;
                var depth = 0;
                while (end < json.Length && (depth > 0 || (json[end] != ',' && json[end] != '}' && json[end] != ']')))
                {
                    depth += json[end] is '{' or '[' ? 1 : json[end] is '}' or ']' ? -1 : 0;
                    end++;
                }

                return Utf8(json[..at] + Pick(BadJsonValues) + json[end..]);
        }
    }

    private byte[] GcCsv()
    {
        if (_random.Next(8) == 0)
        {
            var noise = new byte[_random.Next(0, 8192)];
            _random.NextBytes(noise);
            return noise;
        }

        var header = Pick(["time,pouch,h2_percent", "time,pouch,h2_percent,n2_percent", "pouch,time", "time;pouch;h2_percent", "", "\ufefftime,pouch,h2_percent",
            "time,pouch,h2_percent,h2_percent", "time,pouch,h2_percent,\ud800"]);
        var rows = Enumerable.Range(0, _random.Next(0, 50)).Select(_ =>
            string.Join(Pick([",", ",", ";", "\t"]), Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pick(BadCsvFields))));
        return Utf8(string.Join(Pick(["\n", "\r\n", "\r"]), rows.Prepend(header)));
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
