using PouchMonitor.Host.Plotting;
using ScottPlot;

namespace PouchMonitor.Host.Reports;

/// <summary>The report's figures (ScottPlot), each as PNG and SVG: one line per pouch against days since its baseline.</summary>
internal static class ReportPlots
{
    public const int WidthPx = 1200, HeightPx = 800;

    /// <summary>Debian's fonts-dejavu-core: has the superscripts and degree sign of the axis labels.</summary>
    private const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string FontName = "DejaVu Sans";

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg.</summary>
    /// <param name="pathWithoutExtension">Where to write.</param>
    /// <param name="title">Title above the plot.</param>
    /// <param name="yLabel">Y axis label with unit.</param>
    /// <param name="curves">One line per pouch.</param>
    /// <param name="emptyNote">Shown when there is no curve.</param>
    /// <param name="threshold">A value to draw as a dashed line, with its legend text.</param>
    /// <param name="bands">Shaded ranges, e.g. a group's ± SD, each in the colour of the curve of the same index.</param>
    /// <remarks>Colours and marks come from <see cref="SeriesStyle"/>, as on the dashboard.</remarks>
    public static void Save(
        string pathWithoutExtension, string title, string yLabel, IReadOnlyList<Curve> curves, string emptyNote, (double Value, string Label)? threshold = null,
        IReadOnlyList<Band>? bands = null)
    {
        var plot = Create(title, yLabel, curves, emptyNote);
        for (int i = 0; i < (bands?.Count ?? 0); i++)
        {
            var fill = plot.Add.FillY(bands![i].Days, bands[i].Low, bands[i].High);
            fill.FillStyle.Color = ColourOf(curves[i]).WithAlpha(0.25);
            fill.LineStyle.Width = 0;
        }

        if (threshold is { } t)
        {
            var line = plot.Add.HorizontalLine(t.Value, 1, Colors.Gray, LinePattern.Dashed);
            line.LegendText = t.Label;
        }

        plot.SavePng(pathWithoutExtension + ".png", WidthPx, HeightPx);
        plot.SaveSvg(pathWithoutExtension + ".svg", WidthPx, HeightPx);
    }

    private static Plot Create(string title, string yLabel, IReadOnlyList<Curve> curves, string emptyNote)
    {
        var plot = new Plot();
        if (File.Exists(FontPath))
        {
            Fonts.AddFontFile(FontName, FontPath);
            plot.Font.Set(FontName);
        }

        for (int i = 0; i < curves.Count; i++)
        {
            var line = plot.Add.ScatterLine(curves[i].Days, curves[i].Values, ColourOf(curves[i]));
            line.LegendText = curves[i].Label;
            line.LineWidth = 2;
        }

        foreach (var kind in curves.SelectMany(c => c.Marks).GroupBy(m => m.Kind))
        {
            var style = SeriesStyle.Marker(kind.Key);
            var marks = plot.Add.Markers(kind.Select(m => m.Days).ToArray(), kind.Select(m => m.Value).ToArray(), style.ReportShape, 9, Color.FromHex(style.Colour));
            marks.LegendText = style.Label;
        }

        if (curves.Count == 0)
        {
            plot.Add.Annotation(emptyNote, Alignment.MiddleCenter);
            plot.Axes.SetLimitsX(0, 1);
        }

        plot.Title(title);
        plot.XLabel("Time since baseline (days)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Color ColourOf(Curve curve) => Color.FromHex(SeriesStyle.Colour(curve.ColourIndex));
}
