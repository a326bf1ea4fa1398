namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Strict parser of v1 command payloads: a flat JSON object of known fields with integer or plain string values.
    /// Anything else (unknown field, escape sequence, wrong version, missing or out-of-range value) is rejected.
    /// </summary>
    public sealed class CommandParser
    {
        private const int MaxPayloadBytes = 256;
        private const int Missing = -1;
        private byte[] _json;
        private int _pos;
        private int _version;
        private string _cmd;
        private int _intervalS;
        private int _publishIntervalS;
        private int _durationS;

        /// <summary>Parses <paramref name="payload"/> into <paramref name="command"/>; false when it is not a valid v1 command.</summary>
        public bool TryParse(byte[] payload, Command command)
        {
            if (payload == null || payload.Length > MaxPayloadBytes)
            {
                return false;
            }

            _json = payload;
            _pos = 0;
            _version = Missing;
            _cmd = null;
            _intervalS = Missing;
            _publishIntervalS = Missing;
            _durationS = Missing;
            var parsed = ParseObject() && _version == ContractLimits.Version && Fill(command);
            _json = null;
            return parsed;
        }

        private bool Fill(Command command)
        {
            command.IntervalS = Command.Absent;
            command.PublishIntervalS = Command.Absent;
            command.DurationS = Command.Absent;
            switch (_cmd)
            {
                case "set-interval":
                    command.Kind = CommandKind.SetInterval;
                    command.IntervalS = _intervalS;
                    command.PublishIntervalS = _publishIntervalS == Missing ? Command.Absent : _publishIntervalS;
                    return _durationS == Missing && DeviceSettings.IsValidInterval(_intervalS)
                        && (_publishIntervalS == Missing || DeviceSettings.IsValidInterval(_publishIntervalS));
                case "identify":
                    command.Kind = CommandKind.Identify;
                    command.DurationS = _durationS;
                    return OnlyDuration() && _durationS >= 1 && _durationS <= ContractLimits.MaxIdentifyS;
                case "reboot":
                    command.Kind = CommandKind.Reboot;
                    return OnlyDuration() && _durationS == Missing;
                case "report-config":
                    command.Kind = CommandKind.ReportConfig;
                    return OnlyDuration() && _durationS == Missing;
                default:
                    return false;
            }
        }

        private bool OnlyDuration() => _intervalS == Missing && _publishIntervalS == Missing;

        private bool ParseObject()
        {
            SkipSpace();
            if (!Take('{'))
            {
                return false;
            }

            SkipSpace();
            if (Take('}'))
            {
                return AtEnd();
            }

            do
            {
                if (!ParseMember())
                {
                    return false;
                }

                SkipSpace();
            }
            while (Take(','));

            return Take('}') && AtEnd();
        }

        private bool ParseMember()
        {
            SkipSpace();
            string name;
            if (!TryString(out name))
            {
                return false;
            }

            SkipSpace();
            if (!Take(':'))
            {
                return false;
            }

            SkipSpace();
            switch (name)
            {
                case "v":
                    return _version == Missing && TryInteger(out _version);
                case "cmd":
                    return _cmd == null && TryString(out _cmd);
                case "intervalS":
                    return _intervalS == Missing && TryInteger(out _intervalS);
                case "publishIntervalS":
                    return _publishIntervalS == Missing && TryInteger(out _publishIntervalS);
                case "durationS":
                    return _durationS == Missing && TryInteger(out _durationS);
                default:
                    return false;
            }
        }

        // Non-negative integers of up to 6 digits: every v1 number fits, and no overflow is possible.
        private bool TryInteger(out int value)
        {
            value = 0;
            var start = _pos;
            while (_pos < _json.Length && _json[_pos] >= '0' && _json[_pos] <= '9' && _pos - start < 7)
            {
                value = (value * 10) + (_json[_pos++] - '0');
            }

            var digits = _pos - start;
            return digits >= 1 && digits <= 6 && (digits == 1 || _json[start] != '0');
        }

        // Plain ASCII strings without escapes, up to 32 characters (every v1 name and value).
        private bool TryString(out string value)
        {
            value = null;
            if (!Take('"'))
            {
                return false;
            }

            var start = _pos;
            while (_pos < _json.Length && _json[_pos] != '"')
            {
                var c = _json[_pos++];
                if (c < 0x20 || c > 0x7E || c == '\\' || _pos - start > 32)
                {
                    return false;
                }
            }

            if (!Take('"'))
            {
                return false;
            }

            var chars = new char[_pos - 1 - start];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)_json[start + i];
            }

            value = new string(chars);
            return true;
        }

        private void SkipSpace()
        {
            while (_pos < _json.Length && (_json[_pos] == ' ' || _json[_pos] == '\t' || _json[_pos] == '\n' || _json[_pos] == '\r'))
            {
                _pos++;
            }
        }

        private bool Take(char c)
        {
            if (_pos < _json.Length && _json[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private bool AtEnd()
        {
            SkipSpace();
            return _pos == _json.Length;
        }
    }
}
