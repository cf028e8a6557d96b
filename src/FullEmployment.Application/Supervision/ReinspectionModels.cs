using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Ledgers;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Application.Supervision;

/// <summary>The province opens a year's round (A9); the template defaults to the provincial sheet, the pass mark to 90.</summary>
public sealed record OpenReinspectionInput(int Year, DateOnly ReferenceDate, DateOnly CityDeadline, DateOnly ReviewDeadline, bool IncludeNational,
    string? TemplateVersion = null, decimal? PassMark = null);

public sealed record ReinspectionRoundRow(Guid Id, int Year, string Name, DateOnly ReferenceDate, DateOnly CityDeadline, DateOnly ReviewDeadline,
    string TemplateVersion, decimal PassMark, bool IncludeNational, int Records, int Done, int Version);

/// <summary>One record in a list; <see cref="Level"/> and <see cref="State"/> use the API names (docs/reference/design.md).</summary>
public sealed record ReinspectionRecordRow(Guid Id, string CommunityCode, string CommunityName, string CityCode, string CityName, int TitleId,
    string Level, string LevelName, string State, string StateName, string? Result, DateOnly? DueDate, bool Overdue, decimal? Score, int Version);

public sealed record ReinspectionRoundView(Guid Id, int Year, string Name, DateOnly ReferenceDate, DateOnly CityDeadline, DateOnly ReviewDeadline,
    string TemplateVersion, decimal PassMark, bool IncludeNational, DateOnly PeriodFrom, DateOnly PeriodTo, int Version,
    IReadOnlyList<ReinspectionRecordRow> Records);

/// <summary>Per city, derived from dates at read time (A9 progress).</summary>
public sealed record ReinspectionProgress(string CityCode, string CityName, int Assigned, int Done, int Passed, int Rectifying, int Failed,
    int Confirmed, int Overturned, int Overdue);

public sealed record ReinspectionRecordView(Guid Id, Guid RoundId, string RoundName, int Year, DateOnly ReferenceDate, DateOnly CityDeadline,
    DateOnly ReviewDeadline, DateOnly PeriodFrom, DateOnly PeriodTo, string CommunityCode, string CommunityName, string CityCode, string CityName,
    string? CountyCode, int TitleId, string Level, string LevelName, string TitleDocumentNumber, string State, string StateName, bool Overdue,
    string ReviewerName, decimal PassMark, string TemplateVersion, string? SelfAssessment, DateTimeOffset? SelfCheckedAt, string? Result,
    DateOnly? ResultOn, string? ResultBy, DateOnly? VisitDate, IReadOnlyList<string> Inspectors, string? VisitMethod, string? Findings,
    DateOnly? RectifyDueDate, IReadOnlyList<string> RequiredItems, string? RectificationAnswer, DateOnly? AnsweredOn, DateOnly? RecheckedOn,
    string? RecheckRemark, DateOnly? FailedOn, DateOnly? ReviewedOn, string? ReviewRemark, ScoreSheetView? Sheet,
    IReadOnlyList<IndicatorValue> Indicators, bool IndicatorsFrozen, IReadOnlyList<IntegrityFinding> IntegrityFindings,
    IReadOnlyList<FileView> Files, IReadOnlyList<ReinspectionAction> Options, int Version);

/// <summary>
/// The city's result (A9): visit date, inspectors, method, findings; for 限期整改 a due date or a number of working days
/// and the required items; the judged items of the pinned sheet (auto items come from the ledger frozen now).
/// </summary>
public sealed record ReinspectionResultInput(Guid RecordId, int Version, ReinspectionResult Result, DateOnly Date, IReadOnlyList<string> Inspectors,
    string? Method, string? Findings, IReadOnlyList<ScoreEntry> Entries, DateOnly? RectifyBy = null, int? RectifyWorkingDays = null,
    IReadOnlyList<string>? RequiredItems = null);

public sealed record ReinspectionFileInput(Guid RecordId, string Category, FileUpload Upload);
