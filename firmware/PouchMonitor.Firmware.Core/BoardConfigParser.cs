using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Strict parser of <c>pouchmon.json</c>: one flat JSON object of known members with string, integer or
    /// boolean values. Anything else (unknown or repeated member, nesting, a missing required member, a value out of
    /// range) fails with one message that names the member and the line, in <see cref="Error"/>.
    /// </summary>
    public sealed class BoardConfigParser
    {
        /// <summary>Longest file accepted, in characters (a CA chain of a few certificates fits).</summary>
        public const int MaxLength = 16384;

        private const int MaxSsidLength = 32;
        private const int MaxWifiPasswordLength = 63;
        private const int MinWifiPasswordLength = 8;
        private const int MaxHostLength = 253;
        private const int MaxCredentialLength = 128;

        private static readonly string[] Required = new[] { "v", "wifiSsid", "wifiPassword", "brokerHost", "brokerPort", "mqttUsername", "mqttPassword" };
        private static readonly string[] Optional = new[] { "deviceId", "caPem", "ntpServer" };

        private string _text;
        private int _pos;
        private char[] _chars;
        private string _seen;

        /// <summary>Why the last <see cref="Parse"/> failed; null after a success.</summary>
        public string Error { get; private set; }

        /// <summary>Parses the file's text; null when it is not a valid config (see <see cref="Error"/>).</summary>
        public BoardConfig Parse(string text)
        {
            Error = null;
            if (text == null || text.Length == 0)
            {
                return Reject("the file is empty");
            }

            if (text.Length > MaxLength)
            {
                return Reject("the file is longer than " + MaxLength.ToString() + " characters");
            }

            _text = text;
            _pos = text[0] == '\uFEFF' ? 1 : 0;
            _chars = new char[text.Length];
            _seen = "|";
            var config = new BoardConfig();
            var parsed = ParseObject(config) && HasRequired() ? config : null;
            _text = null;
            _chars = null;
            return parsed;
        }

        private bool ParseObject(BoardConfig config)
        {
            SkipSpace();
            if (!Take('{'))
            {
                return FailAt("expected '{' at the start");
            }

            SkipSpace();
            if (Take('}'))
            {
                return true;
            }

            while (true)
            {
                SkipSpace();
                var name = ReadString();
                if (name == null)
                {
                    return Error == null && FailAt("expected a member name in double quotes");
                }

                SkipSpace();
                if (!Take(':'))
                {
                    return FailAt("expected ':' after \"" + name + "\"");
                }

                SkipSpace();
                if (!ParseMember(name, config))
                {
                    return false;
                }

                SkipSpace();
                if (Take('}'))
                {
                    SkipSpace();
                    return _pos == _text.Length || FailAt("unexpected text after the closing '}'");
                }

                if (!Take(','))
                {
                    return FailAt("expected ',' or '}' after \"" + name + "\"");
                }
            }
        }

        private bool ParseMember(string name, BoardConfig config)
        {
            if (!IsKnown(name))
            {
                return FailAt("unknown member \"" + name + "\"");
            }

            if (_seen.IndexOf("|" + name + "|") >= 0)
            {
                return FailAt("\"" + name + "\" appears twice");
            }

            _seen = _seen + name + "|";
            switch (name)
            {
                case "v":
                    return Integer(name, 1, 1) >= 0;
                case "brokerPort":
                    config.BrokerPort = Integer(name, 1, 65535);
                    return config.BrokerPort >= 0;
                default:
                    return StringMember(name, config);
            }
        }

        private bool StringMember(string name, BoardConfig config)
        {
            var line = Line();
            var value = ReadString();
            if (value == null)
            {
                return Error == null && FailAt("\"" + name + "\" must be a string");
            }

            switch (name)
            {
                case "deviceId":
                    config.DeviceId = value;
                    return FirmwareCore.IsValidDeviceId(value)
                        || Fail(line, "\"deviceId\" must be 1-32 of a-z, 0-9 and '-', not starting with '-', not \"alerts\"");
                case "wifiSsid":
                    config.WifiSsid = value;
                    return InRange(name, value, 1, MaxSsidLength, line);
                case "wifiPassword":
                    config.WifiPassword = value;
                    return value.Length == 0 || InRange(name, value, MinWifiPasswordLength, MaxWifiPasswordLength, line);
                case "brokerHost":
                    config.BrokerHost = value;
                    return InRange(name, value, 1, MaxHostLength, line);
                case "caPem":
                    config.CaPem = value;
                    return value.IndexOf("-----BEGIN CERTIFICATE-----") >= 0
                        || Fail(line, "\"caPem\" must hold a PEM certificate (-----BEGIN CERTIFICATE-----)");
                case "mqttUsername":
                    config.MqttUsername = value;
                    return InRange(name, value, 1, MaxCredentialLength, line);
                case "mqttPassword":
                    config.MqttPassword = value;
                    return InRange(name, value, 1, MaxCredentialLength, line);
                default:
                    config.NtpServer = value;
                    return InRange(name, value, 1, MaxHostLength, line);
            }
        }

        private bool HasRequired()
        {
            for (var i = 0; i < Required.Length; i++)
            {
                if (_seen.IndexOf("|" + Required[i] + "|") < 0)
                {
                    Error = "\"" + Required[i] + "\" is missing";
                    return false;
                }
            }

            return true;
        }

        // A non-negative integer within [min, max]; -1 (with Error set) otherwise.
        private int Integer(string name, int min, int max)
        {
            var line = Line();
            long value = 0;
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9' && value <= max)
            {
                value = (value * 10) + (_text[_pos++] - '0');
            }

            var isNumberEnd = _pos == _text.Length || _text[_pos] == ',' || _text[_pos] == '}' || IsSpace(_text[_pos]);
            if (_pos == start || !isNumberEnd || value < min || value > max || (_pos - start > 1 && _text[start] == '0'))
            {
                Fail(line, "\"" + name + "\" must be an integer from " + min.ToString() + " to " + max.ToString());
                return -1;
            }

            return (int)value;
        }

        // A JSON string at the current position, escapes decoded; null when there is none (Error set if it was malformed).
        private string ReadString()
        {
            if (!Take('"'))
            {
                return null;
            }

            var length = 0;
            while (_pos < _text.Length)
            {
                var c = _text[_pos++];
                if (c == '"')
                {
                    return new string(_chars, 0, length);
                }

                if (c < ' ')
                {
                    _pos--;
                    FailAt("a control character inside a string (write a line break as \\n)");
                    return null;
                }

                if (c == '\\')
                {
                    if (!TryEscape(out c))
                    {
                        FailAt("an unknown escape sequence in a string");
                        return null;
                    }
                }

                _chars[length++] = c;
            }

            FailAt("a string is not closed");
            return null;
        }

        private bool TryEscape(out char c)
        {
            c = '\0';
            if (_pos >= _text.Length)
            {
                return false;
            }

            var e = _text[_pos++];
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    c = e;
                    return true;
                case 'b':
                    c = '\b';
                    return true;
                case 'f':
                    c = '\f';
                    return true;
                case 'n':
                    c = '\n';
                    return true;
                case 'r':
                    c = '\r';
                    return true;
                case 't':
                    c = '\t';
                    return true;
                case 'u':
                    return TryHex4(out c);
                default:
                    return false;
            }
        }

        private bool TryHex4(out char c)
        {
            c = '\0';
            if (_pos + 4 > _text.Length)
            {
                return false;
            }

            var code = 0;
            for (var i = 0; i < 4; i++)
            {
                var h = _text[_pos++];
                var digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (digit < 0)
                {
                    return false;
                }

                code = (code * 16) + digit;
            }

            c = (char)code;
            return true;
        }

        private bool InRange(string name, string value, int minLength, int maxLength, int line) =>
            (value.Length >= minLength && value.Length <= maxLength)
            || Fail(line, "\"" + name + "\" must be " + minLength.ToString() + "-" + maxLength.ToString() + " characters long");

        private static bool IsKnown(string name)
        {
            for (var i = 0; i < Required.Length; i++)
            {
                if (Required[i] == name)
                {
                    return true;
                }
            }

            for (var i = 0; i < Optional.Length; i++)
            {
                if (Optional[i] == name)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Take(char c)
        {
            if (_pos < _text.Length && _text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && IsSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        private int Line()
        {
            var line = 1;
            for (var i = 0; i < _pos && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }

        private bool FailAt(string message) => Fail(Line(), message);

        private bool Fail(int line, string message)
        {
            Error = "line " + line.ToString() + ": " + message;
            return false;
        }

        private BoardConfig Reject(string message)
        {
            Error = message;
            return null;
        }
    }
}
