using FullEmployment.Application.Campaigns;

namespace FullEmployment.Web.Infrastructure;

/// <summary>One posted line of a score-sheet form (item number, score, remark or correction reason); blank scores are left out.</summary>
public sealed class ScoreFormRow
{
    public string Number { get; set; } = "";

    public decimal? Score { get; set; }

    public string? Remark { get; set; }

    /// <summary>The entries the sheet is filled with: every line with a score, its remark trimmed.</summary>
    public static List<ScoreEntry> Entries(IEnumerable<ScoreFormRow> rows) => rows.Where(s => s.Score is not null)
        .Select(s => new ScoreEntry(s.Number, s.Score!.Value, string.IsNullOrWhiteSpace(s.Remark) ? null : s.Remark.Trim())).ToList();
}
