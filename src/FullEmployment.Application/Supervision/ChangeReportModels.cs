using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.Application.Supervision;

/// <summary>A change report as filed (A11.1): the kind, the civil-affairs decision and what the kind needs.</summary>
public sealed record ChangeReportInput(ChangeKind Kind, string DecisionDocumentNumber, DateOnly DecisionDate, string? NewName = null,
    IReadOnlyList<string>? PredecessorCodes = null, string? SuccessorCode = null, FileUpload? DecisionFile = null);

/// <summary>
/// One action on a report with the version the caller saw; <c>Date</c> is the consent, refusal, verification or grant date
/// (today when left out), <c>Remark</c> the refusal reason, the title decision or the verification's reason. A verification gives the
/// provincial sheet's items (<c>Entries</c>: judged items scored, auto items only when corrected with a reason) and the template version
/// its form was made from.
/// </summary>
public sealed record ChangeReportActionInput(Guid Id, ChangeReportAction Action, int Version, DateOnly? Date = null, string? Remark = null,
    IReadOnlyList<ScoreEntry>? Entries = null, bool? MeetsConditions = null, string? DocumentNumber = null, string? PlaqueNumber = null,
    DateOnly? GrantedOn = null, string? TemplateVersion = null);

/// <summary>A11.3: the provincial sheet a verification is scored on, with its pass mark.</summary>
public sealed record VerificationSheetForm(string TemplateVersion, string TemplateName, decimal PassMark, IReadOnlyList<SheetItemView> Items);

public sealed record ChangeReportFilter(ChangeKind? Kind = null, ChangeReportState? State = null, bool OverdueOnly = false, string? Search = null);

public sealed record ChangeReportView(
    Guid Id,
    int Version,
    ChangeKind Kind,
    string CommunityCode,
    string CommunityName,
    string CityCode,
    string? CountyCode,
    string DecisionDocumentNumber,
    DateOnly DecisionDate,
    Guid? DecisionFileId,
    DateOnly DueDate,
    DateOnly FiledOn,
    string FiledBy,
    bool FiledLate,
    bool OverdueUnreported,
    ChangeReportState State,
    string Decider,
    string? NewName,
    IReadOnlyList<string> PredecessorCodes,
    string? SuccessorCode,
    DateOnly? ConfirmedOn,
    DateOnly? DecidedOn,
    string? Reason,
    string? PlaqueReissueNote,
    DateOnly? TitleDecidedOn,
    string? TitleDecision,
    decimal? VerificationScore,
    string? VerificationIndicators,
    bool? MeetsConditions,
    string? GrantedDocumentNumber,
    string? GrantedPlaqueNumber,
    DateOnly? GrantedOn,
    DateOnly? CityAcknowledgedOn,
    DateOnly? ProvinceAcknowledgedOn,
    IReadOnlyList<ChangeReportAction> Options,
    ScoreSheetView? VerificationSheet = null)
{
    public static ChangeReportView Of(ChangeReport r, DateOnly today, ChangeStanding standing, ScoreSheetView? verificationSheet = null) => new(r.Id, r.Version, r.Kind, r.CommunityCode,
        r.CommunityName, r.CityCode, r.CountyCode, r.DecisionDocumentNumber, r.DecisionDate, r.DecisionFileId, r.DueDate, r.FiledOn, r.FiledBy,
        r.FiledLate, r.IsOverdueUnreported(today), r.State,
        r.Decider switch { ChangeStanding.Province => "省人社厅", ChangeStanding.City => "市州人社局", _ => "—" }, r.NewName, r.PredecessorCodes,
        r.SuccessorCode, r.ConfirmedOn, r.DecidedOn, r.Reason, r.PlaqueReissueNote, r.TitleDecidedOn, r.TitleDecision, r.VerificationScore,
        r.VerificationIndicators, r.MeetsConditions, r.GrantedDocumentNumber, r.GrantedPlaqueNumber, r.GrantedOn, r.CityAcknowledgedOn,
        r.ProvinceAcknowledgedOn, r.OptionsFor(standing), verificationSheet);

    /// <summary>逾期报备 (filed late) or 逾期未报 (filed by the community, still unconfirmed past its due date).</summary>
    public string? OverdueLabel => OverdueUnreported ? "逾期未报" : FiledLate ? "逾期报备" : null;
}

/// <summary>The workbench panel (A11.1): what waits for the caller, and the changes overdue and still unreported.</summary>
public sealed record ChangeReportSummary(int Waiting, int Total, IReadOnlyList<ChangeReportView> OverdueUnreported);
