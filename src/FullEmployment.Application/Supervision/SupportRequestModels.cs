using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Application.Supervision;

public sealed record RaiseSupportRequestInput(string CommunityCode, SupportCategory Category, string Description,
    IReadOnlyList<FileUpload>? Files = null);

public sealed record AnswerSupportRequestInput(Guid Id, int Version, string Measures, string Departments, IReadOnlyList<FileUpload>? Files = null);

/// <summary>Confirm (remark optional) or reopen (remark is the reason, required).</summary>
public sealed record SupportRequestActionInput(Guid Id, int Version, string? Remark);

/// <summary>The list's filter (page, API and export). <paramref name="Region"/> is a city or county code; <paramref name="Overdue"/> keeps only overdue ones.</summary>
public sealed record SupportRequestFilter(SupportRequestState? State = null, SupportCategory? Category = null, string? Region = null,
    bool Overdue = false, string? CommunityCode = null);

/// <summary>The create answer of the stable contract: {id, state, dueDate}, plus why a due date is missing and the version.</summary>
public sealed record SupportRequestResult(Guid Id, SupportRequestState State, string StateName, DateOnly? DueDate, string? DueDateWarning, int Version);

public sealed record SupportRequestRow(Guid Id, string CommunityCode, string CommunityName, string CityCode, string? CountyCode,
    SupportCategory Category, string CategoryName, SupportRequestState State, string StateName, DateOnly RaisedOn, DateOnly? DueDate,
    bool Overdue, DateOnly? AnsweredOn, int Version);

public sealed record SupportRequestHistoryView(DateTimeOffset At, string Actor, string Action, string From, string To, string? Text);

public sealed record SupportRequestView(Guid Id, string CommunityCode, string CommunityName, string CityCode, string? CountyCode,
    string RegionName, SupportCategory Category, string CategoryName, string Description, SupportRequestState State, string StateName, string RaisedBy,
    DateTimeOffset RaisedAt, DateOnly RaisedOn, int DueWorkingDays, DateOnly? DueDate, string? DueDateWarning, bool Overdue, string? Measures,
    string? CoordinatedDepartments, string? AnsweredBy, DateOnly? AnsweredOn, DateOnly? ResolvedOn, int ReopenCount,
    IReadOnlyList<FileView> Files, IReadOnlyList<SupportRequestHistoryView> History, IReadOnlyList<SupportRequestAction> Actions, int Version);

public sealed record SupportCityCount(string CityCode, string CityName, int Open, int Overdue);

/// <summary>The workbench panel: open (not yet resolved) and overdue requests in the reader's scope; per city for the province.</summary>
public sealed record SupportRequestSummary(int Open, int AwaitingAnswer, int Answered, int Overdue, IReadOnlyList<SupportCityCount> PerCity);
