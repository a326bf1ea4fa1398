namespace PouchMonitor.Host.Reports;

/// <summary>Text fields of the report's CSV files.</summary>
internal static class CsvText
{
    /// <summary>The field as it is, or quoted when it holds a comma or a quote.</summary>
    public static string Field(string field) => field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
        ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;
}
