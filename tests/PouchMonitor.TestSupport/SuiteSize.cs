using System.Globalization;

namespace PouchMonitor.TestSupport;

/// <summary>
/// Short or long form of the reliability suites: <c>POUCHMON_FULL=1</c> (what <c>./test.sh --full</c> sets) asks for
/// the long form; without it every change runs the short one.
/// </summary>
public static class SuiteSize
{
    /// <summary>The environment variable that selects the long form.</summary>
    public const string Variable = "POUCHMON_FULL";

    /// <summary>True in the long form.</summary>
    public static bool Full { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Name of the form, for figures.</summary>
    public static string Form => Full ? "long" : "short";

    /// <summary><paramref name="shortForm"/> normally, <paramref name="longForm"/> in the long form.</summary>
    public static T Pick<T>(T shortForm, T longForm) => Full ? longForm : shortForm;

    /// <summary>A count with thousands separators, as the figures print it.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
