using CsvHelper;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Conversion;

/// <summary>Writes gas.csv (docs/file-formats.md): the contract's columns in order, then the extra ones.</summary>
internal sealed class GasCsvWriter : IGasPointSink, IDisposable
{
    /// <summary>The columns every gas.csv starts with, in order.</summary>
    public static readonly string[] ContractColumns =
    [
        "time", "pouch", "pressure_pa", "temperature_c", "dry_gas_ml_std", "dry_gas_ml_std_per_g",
        "swelling_ml", "swelling_ml_per_g", "h2_percent", "h2_ml_std", "h2_ml_std_per_g", "h2_basis", "flags",
    ];

    /// <summary>Columns that follow the contract's, before the other gases of the GC file.</summary>
    public static readonly string[] ExtraColumns = ["vessel_dry_gas_ml_std", "dry_gas_ml_std_per_g_active", "h2_ml_std_per_g_active"];

    /// <summary>Columns after the other gases when a pouch has a blank.</summary>
    public static readonly string[] BlankColumns = ["dry_gas_ml_std_uncorrected", "h2_ml_std_uncorrected", "blank_dry_gas_ml_std"];

    /// <summary>Columns after those when a pouch gives its silicon.</summary>
    public static readonly string[] SiliconColumns = ["h2_ml_std_per_g_si", "si_converted_fraction"];

    private const string Number = "G";
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n" };
    private readonly CsvWriter _writer;
    private readonly int _otherGasCount;
    private readonly string[] _flagNames = new string[(int)GasFlagNames.Last * 2];
    private readonly bool _blanks;
    private readonly bool _silicon;

    /// <param name="path">gas.csv.</param>
    /// <param name="otherGases">Other gas columns from the GC file, e.g. "n2_percent".</param>
    /// <param name="blanks">Whether to write <see cref="BlankColumns"/>.</param>
    /// <param name="silicon">Whether to write <see cref="SiliconColumns"/>.</param>
    public GasCsvWriter(string path, IReadOnlyList<string> otherGases, bool blanks = false, bool silicon = false)
        : this(Open(path), otherGases, blanks, silicon)
    {
    }

    /// <param name="output">Receives gas.csv; left open.</param>
    /// <param name="otherGases">Other gas columns from the GC file, e.g. "n2_percent".</param>
    /// <param name="blanks">Whether to write <see cref="BlankColumns"/>.</param>
    /// <param name="silicon">Whether to write <see cref="SiliconColumns"/>.</param>
    public GasCsvWriter(Stream output, IReadOnlyList<string> otherGases, bool blanks = false, bool silicon = false)
        : this(CsvWriter.Create(output, Options, leaveOpen: true), otherGases, blanks, silicon)
    {
    }

    private GasCsvWriter(CsvWriter writer, IReadOnlyList<string> otherGases, bool blanks, bool silicon)
    {
        _writer = writer;
        _otherGasCount = otherGases.Count;
        (_blanks, _silicon) = (blanks, silicon);
        _writer.WriteHeader([.. ContractColumns, .. ExtraColumns, .. otherGases, .. blanks ? BlankColumns : [], .. silicon ? SiliconColumns : []]);
        for (int i = 0; i < _flagNames.Length; i++)
        {
            _flagNames[i] = GasFlagNames.Format((GasFlags)i);
        }
    }

    public void Write(PouchSpec pouch, GasPoint point)
    {
        Span<char> time = stackalloc char[40];
        IsoTime.TryFormat(point.Time, time, out int length);
        _writer.WriteField(time[..length]);
        _writer.WriteField(pouch.Id);
        _writer.WriteField(point.PressurePa, Number);
        _writer.WriteField(point.TemperatureC, Number);
        _writer.WriteField(point.DryGasMlStd, Number);
        _writer.WriteField(point.DryGasMlStdPerG, Number);
        _writer.WriteField(point.SwellingMl, Number);
        _writer.WriteField(point.SwellingMlPerG, Number);
        _writer.WriteField(point.H2Percent, Number);
        _writer.WriteField(point.H2MlStd, Number);
        _writer.WriteField(point.H2MlStdPerG, Number);
        _writer.WriteField(BasisName(point.H2Basis));
        _writer.WriteField(_flagNames[(int)point.Flags]);
        _writer.WriteField(point.VesselDryGasMlStd, Number);
        _writer.WriteField(point.DryGasMlStdPerGActive, Number);
        _writer.WriteField(point.H2MlStdPerGActive, Number);
        // A point before the baseline knows no other gases: its fields stay empty, so every row has every column.
        for (int i = 0; i < _otherGasCount; i++)
        {
            _writer.WriteField(i < point.OtherGasPercents.Count ? point.OtherGasPercents[i] : null, Number);
        }

        WriteOptional(point);
        _writer.EndRecord();
    }

    private void WriteOptional(GasPoint point)
    {
        if (_blanks)
        {
            _writer.WriteField(point.UncorrectedDryGasMlStd, Number);
            _writer.WriteField(point.UncorrectedH2MlStd, Number);
            _writer.WriteField(point.BlankDryGasMlStd, Number);
        }

        if (_silicon)
        {
            _writer.WriteField(point.H2MlStdPerGSilicon, Number);
            _writer.WriteField(point.SiliconConvertedFraction, Number);
        }
    }

    public void EndPouch(PouchSpec pouch)
    {
        // rows carry their pouch: nothing marks the end of one
    }

    public void Dispose() => _writer.Dispose();

    private static CsvWriter Open(string path)
    {
        try
        {
            return CsvWriter.ToFile(path, Options, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot write: {e.Message}", e);
        }
    }

    private static string BasisName(H2Basis? basis) => basis switch
    {
        H2Basis.Measured => "measured",
        H2Basis.Interpolated => "interpolated",
        H2Basis.Extrapolated => "extrapolated",
        _ => string.Empty,
    };
}
