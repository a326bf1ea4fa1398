using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace PouchMonitor.Firmware.Core.Tests;

public partial class JsonWriterTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(7L, "7")]
    [InlineData(-61L, "-61")]
    [InlineData(1762000000123L, "1762000000123")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void Integer_Value_WritesInvariantDigits(long value, string expected)
    {
        var json = new JsonWriter(32);

        json.Integer(value);

        Assert.Equal(expected, Encoding.ASCII.GetString(json.ToArray()));
    }

    [Theory]
    [InlineData(10132512L, "101325.12")]
    [InlineData(9987650L, "99876.5")]
    [InlineData(3000000L, "30000")]
    [InlineData(5002L, "50.02")]
    [InlineData(-4000L, "-40")]
    [InlineData(-305L, "-3.05")]
    [InlineData(-5L, "-0.05")]
    [InlineData(-50L, "-0.5")]
    [InlineData(1L, "0.01")]
    [InlineData(0L, "0")]
    [InlineData(-100L, "-1")]
    [InlineData(-101L, "-1.01")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    [InlineData(long.MinValue + 8, "-92233720368547758")]
    public void Centi_Hundredths_WritesShortestDecimal(long hundredths, string expected)
    {
        var json = new JsonWriter(32);

        json.Centi(hundredths);

        Assert.Equal(expected, Encoding.ASCII.GetString(json.ToArray()));
    }

    [Fact]
    public void Centi_AnyLong_ParsesBackToSameValueInShortestForm()
    {
        Gen.OneOf(Gen.Long, Gen.Long[-100_000, 100_000], Gen.OneOf(long.MinValue, long.MinValue + 1, long.MaxValue, -1L, 0L))
            .Sample(hundredths =>
            {
                // CsCheck samples on several threads: one writer per sample.
                var json = new JsonWriter(32);
                json.Centi(hundredths);
                var text = Encoding.ASCII.GetString(json.ToArray());

                Assert.Matches(ShortestDecimal(), text);
                Assert.Equal(hundredths / 100m, decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            });
    }

    [Theory]
    [InlineData(101325.125, 10132513L)]
    [InlineData(101325.124, 10132512L)]
    [InlineData(-3.0551, -306L)]
    [InlineData(-3.0549, -305L)]
    [InlineData(0.0, 0L)]
    public void ToCenti_Value_RoundsHalfAwayFromZero(double value, long expected)
    {
        Assert.Equal(expected, FixedPoint.ToCenti(value));
    }

    // JSON number: optional minus, no leading zeros, at most two fraction digits and none trailing.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]?[1-9])?$")]
    private static partial Regex ShortestDecimal();
}
