using System.Text.Json;
using CsCheck;

namespace PouchMonitor.Firmware.Core.Tests;

public class BoardConfigParserTests
{
    private const string Minimal = """
        {
          "v": 1,
          "wifiSsid": "lab-wifi",
          "wifiPassword": "wifi-secret",
          "brokerHost": "192.168.1.10",
          "brokerPort": 1883,
          "mqttUsername": "oven1-a",
          "mqttPassword": "0123456789abcdef"
        }
        """;

    [Fact]
    public void Parse_MinimalFile_FillsMembersAndDefaults()
    {
        var parser = new BoardConfigParser();

        var config = parser.Parse(Minimal);

        Assert.NotNull(config);
        Assert.Null(parser.Error);
        Assert.Equal(
            ((string?)null, "lab-wifi", "wifi-secret", "192.168.1.10", 1883, (string?)null, "oven1-a", "0123456789abcdef", "pool.ntp.org"),
            (config.DeviceId, config.WifiSsid, config.WifiPassword, config.BrokerHost, config.BrokerPort, config.CaPem,
             config.MqttUsername, config.MqttPassword, config.NtpServer));
    }

    [Fact]
    public void Parse_OptionalMembersAndEscapes_Decoded()
    {
        var text = "\uFEFF" + Minimal.Replace("\"v\": 1,", """
            "v": 1, "deviceId": "oven1-a", "ntpServer": "ntp.lab",
            "caPem": "-----BEGIN CERTIFICATE-----\nMIIB\u002B/w==\n-----END CERTIFICATE-----\n",
            """, StringComparison.Ordinal).Replace("\"lab-wifi\"", "\"Labor \\u00e9 \\\"2\\\" \\\\ \\/\"", StringComparison.Ordinal);

        var config = new BoardConfigParser().Parse(text);

        Assert.NotNull(config);
        Assert.Equal(("oven1-a", "ntp.lab", "Labor é \"2\" \\ /"), (config.DeviceId, config.NtpServer, config.WifiSsid));
        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIB+/w==\n-----END CERTIFICATE-----\n", config.CaPem);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("[]", "line 1: expected '{' at the start")]
    [InlineData("{\"v\": 1}", "\"wifiSsid\" is missing")]
    [InlineData("{\"v\": 1,\n \"wifiSSID\": \"x\"}", "line 2: unknown member \"wifiSSID\"")]
    [InlineData("{\"v\": 1, \"v\": 1}", "line 1: \"v\" appears twice")]
    [InlineData("{\"v\": 2}", "line 1: \"v\" must be an integer from 1 to 1")]
    [InlineData("{\"v\": 1.0}", "line 1: \"v\" must be an integer from 1 to 1")]
    [InlineData("{\"brokerPort\": 65536}", "line 1: \"brokerPort\" must be an integer from 1 to 65535")]
    [InlineData("{\"brokerPort\": 0}", "line 1: \"brokerPort\" must be an integer from 1 to 65535")]
    [InlineData("{\"brokerPort\": 01883}", "line 1: \"brokerPort\" must be an integer from 1 to 65535")]
    [InlineData("{\"brokerPort\": \"1883\"}", "line 1: \"brokerPort\" must be an integer from 1 to 65535")]
    [InlineData("{\"brokerHost\": 1}", "line 1: \"brokerHost\" must be a string")]
    [InlineData("{\"brokerHost\": {\"a\": 1}}", "line 1: \"brokerHost\" must be a string")]
    [InlineData("{\"brokerHost\": \"\"}", "line 1: \"brokerHost\" must be 1-253 characters long")]
    [InlineData("{\"wifiPassword\": \"short\"}", "line 1: \"wifiPassword\" must be 8-63 characters long")]
    [InlineData("{\"deviceId\": \"Oven_1\"}", "line 1: \"deviceId\" must be 1-32 of a-z, 0-9 and '-'")]
    [InlineData("{\"caPem\": \"MIIB\"}", "line 1: \"caPem\" must hold a PEM certificate")]
    [InlineData("{\"brokerHost\": \"a\nb\"}", "line 1: a control character inside a string")]
    [InlineData("{\"brokerHost\": \"a\\x\"}", "line 1: an unknown escape sequence")]
    [InlineData("{\"brokerHost\": \"a", "line 1: a string is not closed")]
    [InlineData("{\"v\": 1,}", "line 1: expected a member name in double quotes")]
    [InlineData("{\"v\": 1} x", "line 1: unexpected text after the closing '}'")]
    [InlineData("{\"v\" 1}", "line 1: expected ':' after \"v\"")]
    [InlineData("{\"v\": 1 \"wifiSsid\": \"x\"}", "line 1: expected ',' or '}' after \"v\"")]
    public void Parse_BadFile_NullWithMessageNamingMemberAndLine(string text, string expected)
    {
        var parser = new BoardConfigParser();

        Assert.Null(parser.Parse(text));

        Assert.StartsWith(expected, parser.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_Null()
    {
        var parser = new BoardConfigParser();

        Assert.Null(parser.Parse(Minimal + new string(' ', BoardConfigParser.MaxLength)));

        Assert.Equal("the file is longer than 16384 characters", parser.Error);
    }

    [Fact]
    public void Parse_AnyStringsWrittenBySystemTextJson_ReadBackExactly()
    {
        var text = Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 1, 32];
        Gen.Select(text, Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 8, 63], text, Gen.Int[1, 65535]).Sample((ssid, password, user, port) =>
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["v"] = 1, ["wifiSsid"] = ssid, ["wifiPassword"] = password, ["brokerHost"] = "broker.lab",
                ["brokerPort"] = port, ["mqttUsername"] = user, ["mqttPassword"] = password,
            });

            var parser = new BoardConfigParser();
            var config = parser.Parse(json);

            Assert.True(config is not null, parser.Error);
            Assert.Equal((ssid, password, user, port), (config.WifiSsid, config.WifiPassword, config.MqttUsername, config.BrokerPort));
        });
    }
}
