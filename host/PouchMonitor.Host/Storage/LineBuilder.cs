using System.Globalization;
using System.Text;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// One InfluxDB line-protocol line, millisecond timestamp, written straight into a reused buffer. The text is the same,
/// byte for byte, as InfluxDB.Client's <c>PointData.ToLineProtocol</c> gives for the same point (tags and fields in key
/// order, empty tag values and non-finite fields left out, doubles in their shortest round-trip form, integers with
/// <c>i</c>), without the immutable dictionaries that type copies for every tag and field it is given. Keys are ordered
/// ordinally, which is PointData's (culture) order for the lower-case ASCII names of <see cref="LineProtocol"/>.
/// </summary>
public sealed class LineBuilder
{
    [ThreadStatic]
    private static LineBuilder? _cached;

    private readonly List<KeyValuePair<string, string>> _tags = new(6);
    private readonly List<KeyValuePair<string, double>> _doubles = new(12);
    private readonly List<KeyValuePair<string, long>> _integers = new(2);
    private readonly StringBuilder _text = new(256);
    private string _measurement = "";
    private long _timeMs;

    private LineBuilder()
    {
    }

    /// <summary>Starts a line of <paramref name="measurement"/>; the builder is the calling thread's own and is reused.</summary>
    public static LineBuilder Measurement(string measurement)
    {
        ArgumentException.ThrowIfNullOrEmpty(measurement);
        var builder = _cached ??= new LineBuilder();
        builder._measurement = measurement;
        builder._tags.Clear();
        builder._doubles.Clear();
        builder._integers.Clear();
        return builder;
    }

    /// <summary>Adds a tag; an empty value leaves the tag out, as InfluxDB.Client does.</summary>
    public LineBuilder Tag(string key, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _tags.Add(new(key, value));
        }

        return this;
    }

    /// <summary>Adds a float field; NaN and infinities are left out.</summary>
    public LineBuilder Field(string key, double value)
    {
        _doubles.Add(new(key, value));
        return this;
    }

    /// <summary>Adds an integer field.</summary>
    public LineBuilder Field(string key, long value)
    {
        _integers.Add(new(key, value));
        return this;
    }

    /// <summary>Sets the timestamp, milliseconds since the Unix epoch.</summary>
    public LineBuilder Timestamp(long timeMs)
    {
        _timeMs = timeMs;
        return this;
    }

    /// <summary>The line; empty when it has no field to write.</summary>
    public string ToLineProtocol()
    {
        _text.Clear();
        Escape(_measurement, escapeEquals: false);
        _tags.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, value) in _tags)
        {
            _text.Append(',');
            Escape(key, escapeEquals: true);
            _text.Append('=');
            Escape(value, escapeEquals: true);
        }

        _text.Append(' ');
        if (!AppendFields())
        {
            return "";
        }

        _text.Append(' ').Append(_timeMs);
        return _text.ToString();
    }

    /// <summary>Writes the fields in key order, floats and integers merged; false when none is written.</summary>
    private bool AppendFields()
    {
        _doubles.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _integers.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var written = false;
        int d = 0, i = 0;
        while (d < _doubles.Count || i < _integers.Count)
        {
            var takeDouble = i == _integers.Count || (d < _doubles.Count && string.CompareOrdinal(_doubles[d].Key, _integers[i].Key) < 0);
            if (takeDouble && !double.IsFinite(_doubles[d].Value))
            {
                d++;
                continue;
            }

            if (written)
            {
                _text.Append(',');
            }

            written = true;
            if (takeDouble)
            {
                Escape(_doubles[d].Key, escapeEquals: true);
                _text.Append(CultureInfo.InvariantCulture, $"={_doubles[d++].Value}");
            }
            else
            {
                Escape(_integers[i].Key, escapeEquals: true);
                _text.Append(CultureInfo.InvariantCulture, $"={_integers[i++].Value}i");
            }
        }

        return written;
    }

    private void Escape(string text, bool escapeEquals)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    _text.Append("\\n");
                    continue;
                case '\r':
                    _text.Append("\\r");
                    continue;
                case '\t':
                    _text.Append("\\t");
                    continue;
                case ' ' or ',':
                case '=' when escapeEquals:
                    _text.Append('\\');
                    break;
            }

            _text.Append(c);
        }
    }
}
