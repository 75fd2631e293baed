using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Tokenizers.TorchSharp.Benchmarks;

/// <summary>Batches per second: the inverse of the mean time per operation (one operation is one batch).</summary>
internal sealed class BatchesPerSecondColumn : IColumn
{
    public string Id => nameof(BatchesPerSecondColumn);
    public string ColumnName => "Batches/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Batches per second (1 / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (1e9 / mean.Value).ToString("N0", style.CultureInfo) : "-";
    }

    public bool IsAvailable(Summary summary) => summary.Reports.Any();

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
