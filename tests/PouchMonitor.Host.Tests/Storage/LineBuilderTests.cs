using CsCheck;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

public class LineBuilderTests
{
    // The lower-case names LineProtocol writes, in no particular order.
    private static readonly string[] Keys =
    [
        "experiment", "pouch", "sample", "device", "kind", "pressure_pa", "temperature_c", "flags", "dry_gas_ml_std",
        "dry_gas_ml_std_per_g", "swelling_ml", "swelling_ml_per_g", "h2_percent", "h2_ml_std", "h2_ml_std_per_g", "open", "value",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char["ab =,\"\\\n\r\t\u00e9\u4e2d"], 0, 12],
        Gen.String,
        Gen.Const(""));

    private static readonly Gen<double> Number = Gen.OneOf(
        Gen.Double,
        Gen.Double[-1e6, 1e6],
        Pick(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, 0.1, 1e-300));

    private static readonly Gen<(string Measurement, (string Key, string Value)[] Tags, (string Key, double? Real, long Integer)[] Fields, long TimeMs)> Points =
        Gen.Select(
            Pick("pouch_reading", "pouch_gas", "pouch_alert", "a b,c=d"),
            Gen.Shuffle(Keys, 0, 6).SelectMany(keys => Text.Array[keys.Length].Select(values => keys.Zip(values).ToArray())),
            Gen.Shuffle(Keys, 0, 12).SelectMany(keys => Gen.Select(Gen.Bool, Number, Gen.Long).Array[keys.Length]
                .Select(values => keys.Zip(values, (k, v) => (k, v.Item1 ? v.Item2 : (double?)null, v.Item3)).ToArray())),
            Gen.Long[-1, 4_102_444_800_000]);

    [Fact]
    public void ToLineProtocol_RandomPoints_MatchInfluxClientPointData()
    {
        Points.Sample(
            point =>
            {
                var expected = PointData.Measurement(point.Measurement);
                var actual = LineBuilder.Measurement(point.Measurement);
                foreach (var (key, value) in point.Tags)
                {
                    expected = expected.Tag(key, value);
                    actual = actual.Tag(key, value);
                }

                foreach (var (key, real, integer) in point.Fields)
                {
                    (expected, actual) = real is { } r ? (expected.Field(key, r), actual.Field(key, r)) : (expected.Field(key, integer), actual.Field(key, integer));
                }

                Assert.Equal(expected.Timestamp(point.TimeMs, WritePrecision.Ms).ToLineProtocol(), actual.Timestamp(point.TimeMs).ToLineProtocol());
            },
            iter: 5000);
    }

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);
}
