using FullEmployment.Application.Common;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Notices;

namespace FullEmployment.Application.Campaigns;

// ---- Score templates (A6) ----

public sealed record ScoreItemView(int Group, string GroupName, string Number, string Text, decimal MaxPoints, string Rule,
    ScoringMode Mode, decimal? GateMinimum, string ClauseId);

public sealed record ScoreTemplateRow(Guid Id, string TemplateVersion, string Name, string OwnerRegionCode, bool IsPublished,
    DateTimeOffset? PublishedAt, decimal TotalPoints);

public sealed record ScoreTemplateView(Guid Id, string TemplateVersion, string Name, string OwnerRegionCode, bool IsPublished,
    DateTimeOffset? PublishedAt, decimal TotalPoints, IReadOnlyList<ScoreItemView> Items, int Version);

public sealed record ScoreItemInput(int Group, string GroupName, string Number, string Text, decimal MaxPoints, string Rule,
    ScoringMode Mode, string ClauseId, decimal? GateMinimum = null);

/// <summary>A new draft version: the given items, or a copy of <paramref name="CopyFromVersion"/>'s items when none are given.</summary>
public sealed record NewTemplateInput(string TemplateVersion, string Name, string? CopyFromVersion, IReadOnlyList<ScoreItemInput> Items);

// ---- Campaigns (A4, A7) ----

/// <summary>
/// One region's quota: a city's in a provincial round (A7), a county's in a municipal one (A4.3; the city itself where it
/// has no counties). <paramref name="Forwarded"/>: for a municipal campaign, the county's applications holding a place.
/// </summary>
public sealed record QuotaView(string RegionCode, string RegionName, int Quota, int? Forwarded);

public sealed record CampaignRow(Guid Id, CampaignKind Kind, string KindName, string OrganizerRegionCode, string Name, int CreationYear,
    CampaignState State, string StateName, DateOnly ApplicationDeadline, int TotalQuota);

public sealed record CampaignView
{
    public required Guid Id { get; init; }
    public required CampaignKind Kind { get; init; }
    public required string KindName { get; init; }
    public required string OrganizerRegionCode { get; init; }
    public required string OrganizerName { get; init; }
    public required string Name { get; init; }
    public required int CreationYear { get; init; }
    public required int TotalQuota { get; init; }
    public required decimal PassMark { get; init; }
    public required string TemplateVersion { get; init; }
    public required DateOnly AssessmentFrom { get; init; }
    public required DateOnly AssessmentTo { get; init; }
    public required StageDeadlines Deadlines { get; init; }
    public required CampaignState State { get; init; }
    public required string StateName { get; init; }
    public required string? CycleOverrideReason { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required string? CloseReason { get; init; }
    public required IReadOnlyList<QuotaView> Quotas { get; init; }
    public required string? ValidityWarning { get; init; }
    public required string FinalStageName { get; init; }
    public required int Version { get; init; }
}

/// <summary>
/// A draft campaign. The organiser is the actor's region: the province for provincial and national rounds, the
/// actor's city for a municipal one. <paramref name="CycleOverrideReason"/> answers the A4.2 two-year check.
/// </summary>
public sealed record NewCampaignInput(CampaignKind Kind, string Name, int CreationYear, int TotalQuota, string TemplateVersion,
    DateOnly AssessmentFrom, DateOnly AssessmentTo, StageDeadlines Deadlines, decimal PassMark = Campaign.DefaultPassMark,
    string? CycleOverrideReason = null);

/// <summary>A region's quota: a city code in a provincial round, a county code (or the city's own) in a municipal one.</summary>
public sealed record QuotaInput(string RegionCode, int Quota);

/// <summary>A7: publishing sends <paramref name="NoticeBody"/> (and the optional attachment) to every city.</summary>
public sealed record PublishCampaignInput(Guid CampaignId, int Version, string NoticeBody, FileUpload? Attachment = null);

public sealed record CloseCampaignInput(Guid CampaignId, int Version, string Reason);

// ---- Applications (A8) ----

public sealed record FormStaff(string Name, string Education, bool FullTime, string? Post);

/// <summary>The application form the community fills in (A8.1): basic facts, staff and narrative.</summary>
public sealed record ApplicationForm(int? Households, int? Population, int? WorkingAgePopulation, decimal? ServiceHallArea,
    string? ContactName, string? ContactPhone, IReadOnlyList<FormStaff> Staff, string? Narrative)
{
    public static ApplicationForm Empty { get; } = new(null, null, null, null, null, null, [], null);
}

/// <summary>One indicator figure as computed from the ledger (ids are clause IDs, status met|not_met|not_applicable).</summary>
public sealed record IndicatorValue(string Id, string Name, int Numerator, int Denominator, decimal Value, decimal? Threshold, string Status);

/// <summary>The figures frozen at submission (A8.1): every review level scores its auto items from these.</summary>
public sealed record IndicatorSnapshot(DateOnly TakenOn, DateOnly PeriodFrom, DateOnly PeriodTo, AutoScoringInput Input,
    IReadOnlyList<IndicatorValue> Indicators);

/// <summary>Headline facts on the form: registry (A2, A5.1.1) and the indicators (frozen once submitted).</summary>
public sealed record HeadlineFigures(bool HasCivilAffairsFiling, bool HasFiledMunicipalTitle, string? HighestTitle, bool Frozen,
    IndicatorSnapshot Indicators);


public sealed record ScoreLineView(string Number, string Text, decimal MaxPoints, ScoringMode Mode, bool IsGate, bool GateMet,
    decimal? ComputedScore, decimal? Score, string? OverrideReason, string? Remark);

public sealed record ScoreSheetView(ReviewLevel Level, string LevelName, decimal Total, bool IsComplete, bool GatesMet, bool Passes,
    bool IsLocked, IReadOnlyList<ScoreLineView> Lines)
{
    /// <summary>A filled sheet with each line's text from the template it was filled from.</summary>
    public static ScoreSheetView Of(ScoreSheet sheet, string levelName, decimal passMark, ScoreTemplate template)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(template);
        return new(sheet.Level, levelName, sheet.Total, sheet.IsComplete, sheet.GatesMet, sheet.Passes(passMark), sheet.IsLocked,
            sheet.Lines.Select(l => new ScoreLineView(l.Number, template.Items.FirstOrDefault(i => i.Number == l.Number)?.Text ?? "", l.MaxPoints, l.Mode,
                l.IsGate, l.GateMet, l.ComputedScore, l.Score, l.OverrideReason, l.Remark)).ToList());
    }
}

/// <summary>An item of a pinned template for a scoring form: judged items are scored; auto items come from the ledger unless corrected with a reason (A6).</summary>
public sealed record SheetItemView(string Number, string Text, decimal MaxPoints, string Rule, bool Auto)
{
    public static IReadOnlyList<SheetItemView> Of(ScoreTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Items.Select(i => new SheetItemView(i.Number, i.Text, i.MaxPoints, i.Rule, i.Mode == ScoringMode.Auto)).ToList();
    }
}

public sealed record InspectionView(Guid Id, ReviewLevel Level, DateOnly Date, IReadOnlyList<string> Inspectors, bool Passed, string Findings,
    IReadOnlyList<FileView> Photos);

public sealed record HistoryView(DateTimeOffset At, string Actor, string Action, string From, string To, string? Remark, string? OverrideReason);

public sealed record ApplicationRow(Guid Id, Guid CampaignId, string CampaignName, string CommunityCode, string CommunityName, string CityCode,
    string? CountyCode, ApplicationState State, string StateName, decimal? LatestScore, DateOnly? DueOn, int Version);

public sealed record ApplicationFilter(Guid? CampaignId = null, ApplicationState? State = null, string? RegionCode = null);

/// <summary>
/// An application as one reader sees it (A8). <see cref="Options"/> is what this reader may do on it now, from the domain
/// (<see cref="CampaignApplication.OptionsFor"/>): pages and the API render it and decide nothing themselves.
/// </summary>
public sealed record ApplicationView
{
    public required Guid Id { get; init; }
    public required Guid CampaignId { get; init; }
    public required string CampaignName { get; init; }
    public required CampaignKind CampaignKind { get; init; }
    public required int CommunityId { get; init; }
    public required string CommunityCode { get; init; }
    public required string CommunityName { get; init; }
    public required string CityCode { get; init; }
    public required string? CountyCode { get; init; }
    public required ApplicationState State { get; init; }
    public required string StateName { get; init; }
    public required DateOnly? CorrectionDueDate { get; init; }
    public required IReadOnlyList<string> RejectionReasons { get; init; }
    public required string? CertificationDocumentNumber { get; init; }
    public required string? PlaqueNumber { get; init; }
    public required DateOnly? CertifiedOn { get; init; }
    public required string? DisqualificationReason { get; init; }
    public required ApplicationForm Form { get; init; }
    public required FileView? NarrativeFile { get; init; }
    public required HeadlineFigures Headline { get; init; }
    public required IReadOnlyList<ScoreSheetView> Sheets { get; init; }
    public required IReadOnlyList<InspectionView> Inspections { get; init; }
    public required IReadOnlyList<FileView> Evidence { get; init; }
    public required IReadOnlyList<HistoryView> History { get; init; }
    public required ApplicationOptions Options { get; init; }

    /// <summary>Who may act after a stage deadline, with a reason (A8): the province, or the organising city in a municipal campaign.</summary>
    public required string OverriderName { get; init; }

    public required StageDeadlines Deadlines { get; init; }
    public required decimal PassMark { get; init; }
    public required int Version { get; init; }
}

/// <summary>The state after an action, for the API and for a page's redirect.</summary>
public sealed record ApplicationResult(Guid Id, ApplicationState State, string StateName, int Version);

/// <summary>Community staff open an application in a published campaign (A8.1); the community is the actor's.</summary>
public sealed record StartApplicationInput(Guid CampaignId);

public sealed record SaveFormInput(Guid ApplicationId, int Version, ApplicationForm Form, FileUpload? NarrativeFile = null);

/// <summary>One item's score: for a judged item the remark explains missing points; for an auto item it is the override reason.</summary>
public sealed record ScoreEntry(string Number, decimal Score, string? Remark);

/// <summary>Fills the actor's level's sheet (opened from the frozen snapshot on first use).</summary>
public sealed record ScoreInput(Guid ApplicationId, int Version, ReviewLevel Level, IReadOnlyList<ScoreEntry> Entries);

public sealed record EvidenceInput(Guid ApplicationId, int Version, FileUpload File, string Category = "evidence");

/// <summary>A plain move (submit, withdraw, resubmit, forward, recommend, propose…); <paramref name="OverrideReason"/> only from the province, after a deadline.</summary>
public sealed record ActionInput(Guid ApplicationId, int Version, string? Remark = null, string? OverrideReason = null);

public sealed record ReturnInput(Guid ApplicationId, int Version, DateOnly DueDate, string Remark, string? OverrideReason = null);

public sealed record RejectInput(Guid ApplicationId, int Version, IReadOnlyList<string> Reasons, string? OverrideReason = null);

public sealed record InspectionInput(Guid ApplicationId, int Version, DateOnly Date, IReadOnlyList<string> Inspectors, bool Passed,
    string Findings, IReadOnlyList<FileUpload>? Photos = null);

public sealed record DisqualifyInput(Guid ApplicationId, int Version, string Reason, string Evidence);

// ---- Lists, notices, objections (A8.3, A8.4) ----

public sealed record ListEntryView(int Rank, Guid ApplicationId, string CommunityCode, string CommunityName, string? CountyCode, decimal Score);

public sealed record NoticeView(Guid Id, string Title, DateOnly StartDate, DateOnly LastDay, int WorkingDays, DateTimeOffset ClosesAt,
    bool IsOpen, bool HasClosed, int WorkingDaysLeft);

/// <summary>An objection as officers see it: the phone masked (revealing it is not part of this view).</summary>
public sealed record ObjectionView(Guid Id, Guid CandidateApplicationId, string CandidateName, string Objector, string? ObjectorPhone,
    string Content, DateTimeOffset SubmittedAt, ObjectionStatus Status, string? Reply, DateTimeOffset? AnsweredAt, IReadOnlyList<FileView> Files);

/// <summary>
/// A list as officers see it, with what this officer may do on it now (from the domain: <see cref="CandidateList.SendUpPermit"/>,
/// <see cref="CandidateList.CertifyPermit"/>, <see cref="CandidateList.SendUpBlocker"/>).
/// </summary>
public sealed record CandidateListView
{
    public required Guid Id { get; init; }
    public required Guid CampaignId { get; init; }
    public required string CampaignName { get; init; }
    public required CampaignKind CampaignKind { get; init; }
    public required NoticeSubject Subject { get; init; }
    public required string? CityCode { get; init; }
    public required int Quota { get; init; }
    public required CandidateListState State { get; init; }
    public required string StateName { get; init; }
    public required IReadOnlyList<ListEntryView> Entries { get; init; }
    public required NoticeView? Notice { get; init; }
    public required IReadOnlyList<ObjectionView> Objections { get; init; }
    public required DateTimeOffset? SentUpAt { get; init; }

    /// <summary>Certification follows this list: the proposed list; a municipal campaign's city list (A4.3).</summary>
    public required bool IsFinal { get; init; }

    /// <summary>Set once the list's candidates are certified.</summary>
    public required CertificationView? Certification { get; init; }

    /// <summary>The reader owns the list: publishes its notice, answers objections (A8.3, A8.4).</summary>
    public required bool IsOwner { get; init; }

    /// <summary>Whether the reader may send the list up now and with a late reason; null when not.</summary>
    public required StagePermit? SendUp { get; init; }

    /// <summary>Why the list cannot be sent up yet, or null when it can.</summary>
    public required string? SendUpBlocker { get; init; }

    /// <summary>Whether the reader may certify from the list now and with a late reason; null when not.</summary>
    public required StagePermit? Certify { get; init; }

    public required string OverriderName { get; init; }
    public required int Version { get; init; }
}

public sealed record CertifiedCommunityView(Guid ApplicationId, string CommunityCode, string CommunityName, string PlaqueNumber);

/// <summary>The outcome of a list's certification: document, date, the title level granted, the public announcement.</summary>
public sealed record CertificationView(string DocumentNumber, DateTimeOffset CertifiedAt, string TitleLevelName, Guid? AnnouncementId,
    IReadOnlyList<CertifiedCommunityView> Communities);

/// <summary>A8.3, A8.4: a notice of at least five working days from <paramref name="StartDate"/>.</summary>
public sealed record PublishNoticeInput(Guid ListId, int Version, string Title, DateOnly StartDate, int WorkingDays = PublicNotice.MinimumWorkingDays);

public sealed record AnswerObjectionInput(Guid ListId, int Version, Guid ObjectionId, bool Uphold, string Reply);

public sealed record SendUpInput(Guid ListId, int Version, string? OverrideReason = null);

public sealed record PlaqueAssignment(Guid ApplicationId, string PlaqueNumber);

/// <summary>A8.4: certify every candidate left on the sent-up proposed list, one plaque number each.</summary>
public sealed record CertifyInput(Guid ListId, int Version, string DocumentNumber, IReadOnlyList<PlaqueAssignment> Plaques,
    string? OverrideReason = null);

// ---- National rounds (A4.1) ----

public sealed record NationalCandidateView(int Rank, string CommunityCode, string CommunityName, string RegionName, NationalOutcome Outcome,
    string OutcomeName, string? DocumentNumber, DateOnly? DecidedOn, string? Remark);

public sealed record NationalRecommendationView(Guid Id, Guid CampaignId, string CampaignName, int CreationYear, CampaignState CampaignState, int Quota,
    NationalRecommendationState State, string StateName, DateTimeOffset? SubmittedAt, IReadOnlyList<NationalCandidateView> Candidates, int Version);

/// <summary>A community that may join the list (A4.1): its provincial title shown so the officer can check it.</summary>
public sealed record NationalEligibleRow(string Code, string Name, string RegionName, string ProvincialDocumentNumber, DateOnly ProvincialGrantedOn);

public sealed record NationalOutcomeInput(Guid CampaignId, int Version, string CommunityCode, bool Granted, string? DocumentNumber,
    DateOnly DecidedOn, string? PlaqueNumber, string? Remark);
