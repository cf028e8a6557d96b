using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Api;

public sealed record NewCampaignBody(CampaignKind Kind, string Name, int CreationYear, int TotalQuota, string TemplateVersion, DateOnly AssessmentFrom,
    DateOnly AssessmentTo, StageDeadlines Deadlines, decimal? PassMark, string? CycleOverrideReason);

public sealed record QuotasBody(int Version, IReadOnlyList<QuotaInput> Quotas);

public sealed record CampaignActionBody(int Version, string? NoticeBody, string? Reason);

/// <summary>
/// Every workflow action's body: the version the caller saw plus the fields that action needs
/// (remark, overrideReason, dueDate, reasons, level+entries, date+inspectors+passed+findings, reason+evidence).
/// </summary>
public sealed record ApplicationActionBody(int Version, string? Remark, string? OverrideReason, DateOnly? DueDate, IReadOnlyList<string>? Reasons,
    ReviewLevel? Level, IReadOnlyList<ScoreEntry>? Entries, DateOnly? Date, IReadOnlyList<string>? Inspectors, bool? Passed, string? Findings,
    string? Reason, string? Evidence, ApplicationForm? Form);

public sealed record StartApplicationBody(Guid CampaignId);

public sealed record ListActionBody(int Version, string? Title, DateOnly? StartDate, int? WorkingDays, Guid? ObjectionId, bool? Uphold, string? Reply,
    string? OverrideReason, string? DocumentNumber, IReadOnlyList<PlaqueAssignment>? Plaques);

/// <summary>A national-round action's body (A4.1): the version seen plus what the action needs (communityCode; rank; granted, documentNumber,
/// decidedOn, plaqueNumber, remark).</summary>
public sealed record NationalActionBody(int Version, string? CommunityCode, int? Rank, bool? Granted, string? DocumentNumber, DateOnly? DecidedOn,
    string? PlaqueNumber, string? Remark);

public static class CampaignsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").RequireAuthorization();
        campaigns.MapGet("/", (CampaignAdministration c, CancellationToken ct) => c.ListAsync(ct)).WithName("ListCampaigns").WithSummary("创建批次");
        campaigns.MapGet("/{id:guid}", (Guid id, CampaignAdministration c, CancellationToken ct) => c.GetAsync(id, ct)).WithName("GetCampaign");
        campaigns.MapPost("/", async (NewCampaignBody b, CampaignAdministration c, CancellationToken ct) =>
        {
            var view = await c.CreateAsync(new NewCampaignInput(b.Kind, b.Name, b.CreationYear, b.TotalQuota, b.TemplateVersion, b.AssessmentFrom,
                b.AssessmentTo, b.Deadlines, b.PassMark ?? Campaign.DefaultPassMark, b.CycleOverrideReason), ct);
            return Results.Created($"/api/v1/campaigns/{view.Id}", view);
        }).WithName("CreateCampaign");
        campaigns.MapPost("/{id:guid}/quotas", (Guid id, QuotasBody b, CampaignAdministration c, CancellationToken ct) =>
            c.SetQuotasAsync(id, b.Version, b.Quotas, ct)).WithName("SetCampaignQuotas").RoundTrips<CampaignView>();
        campaigns.MapPost("/{id:guid}/publish", (Guid id, CampaignActionBody b, CampaignAdministration c, CancellationToken ct) =>
            c.PublishAsync(new PublishCampaignInput(id, b.Version, b.NoticeBody ?? ""), ct)).WithName("PublishCampaign");
        campaigns.MapPost("/{id:guid}/close", (Guid id, CampaignActionBody b, CampaignAdministration c, CancellationToken ct) =>
            c.CloseAsync(new CloseCampaignInput(id, b.Version, b.Reason ?? ""), ct)).WithName("CloseCampaign");
        campaigns.MapPost("/{id:guid}/complete", (Guid id, CampaignActionBody b, CampaignAdministration c, CancellationToken ct) =>
            c.CompleteAsync(id, b.Version, ct)).WithName("CompleteCampaign");
        campaigns.MapGet("/{id:guid}/lists", (Guid id, CandidateLists l, CancellationToken ct) => l.ListForCampaignAsync(id, ct)).WithName("CampaignLists");

        var national = campaigns.MapGroup("/{id:guid}/national");
        national.MapGet("/", (Guid id, NationalRounds n, CancellationToken ct) => n.GetAsync(id, ct))
            .WithName("GetNationalRecommendation").WithSummary("国家级推荐名单及部里结果（A4.1，仅省人社厅）");
        national.MapGet("/eligible", (Guid id, string? search, int? page, int? pageSize, NationalRounds n, CancellationToken ct) =>
            n.EligibleAsync(id, search, new PageRequest(page ?? 1, pageSize ?? 20), ct)).WithName("NationalEligibleCommunities")
            .WithSummary("可推荐的社区：持有有效省级称号、尚非国家级、未在名单中");
        national.MapPost("/{action}", (Guid id, string action, NationalActionBody b, NationalRounds n, CancellationToken ct) => action switch
        {
            "add" => n.AddAsync(id, b.Version, Code(b), ct),
            "move" => n.MoveAsync(id, b.Version, Code(b), b.Rank ?? throw new DomainException("请指明名次 rank。", "A4.1"), ct),
            "remove" => n.RemoveAsync(id, b.Version, Code(b), ct),
            "submit" => n.SubmitAsync(id, b.Version, ct),
            "outcome" => n.RecordOutcomeAsync(new NationalOutcomeInput(id, b.Version, Code(b),
                b.Granted ?? throw new DomainException("请指明是否命名 granted。", "A4.1"), b.DocumentNumber,
                b.DecidedOn ?? throw new DomainException("请填写结果日期 decidedOn。", "A4.1"), b.PlaqueNumber, b.Remark), ct),
            _ => throw new NotFoundException($"没有国家级推荐操作“{action}”。"),
        }).WithName("NationalRecommendationAction").WithSummary("国家级推荐名单操作：add、move、remove、submit、outcome");

        var applications = api.MapGroup("/applications").RequireAuthorization();
        applications.MapGet("/", (Guid? campaignId, ApplicationState? state, string? region, int? page, int? pageSize, ApplicationQueries w,
            CancellationToken ct) => w.ListAsync(new ApplicationFilter(campaignId, state, region), new PageRequest(page ?? 1, pageSize ?? 20), ct))
            .WithName("ListApplications").WithSummary("申报（限本辖区）");
        applications.MapGet("/{id:guid}", (Guid id, ApplicationQueries w, CancellationToken ct) => w.GetAsync(id, ct)).WithName("GetApplication");
        applications.MapPost("/", async (StartApplicationBody b, ApplicationSubmission w, CancellationToken ct) =>
        {
            var result = await w.StartAsync(new StartApplicationInput(b.CampaignId), ct);
            return Results.Created($"/api/v1/applications/{result.Id}", result);
        }).WithName("StartApplication");
        applications.MapPost("/{id:guid}/{action}", (Guid id, string action, ApplicationActionBody b, [AsParameters] ApplicationUseCases w,
            CancellationToken ct) => Perform(id, action, b, w, ct)).WithName("ApplicationAction").WithSummary("申报流转操作，返回新的状态");

        var lists = api.MapGroup("/lists").RequireAuthorization();
        lists.MapGet("/{id:guid}", (Guid id, CandidateLists l, CancellationToken ct) => l.GetAsync(id, ct)).WithName("GetList");
        lists.MapPost("/{id:guid}/{action}", (Guid id, string action, ListActionBody b, CandidateLists l, CancellationToken ct) => action switch
        {
            "notice" => l.PublishNoticeAsync(new PublishNoticeInput(id, b.Version, b.Title ?? "", b.StartDate ?? default,
                b.WorkingDays ?? Domain.Notices.PublicNotice.MinimumWorkingDays), ct),
            "answer" => l.AnswerObjectionAsync(new AnswerObjectionInput(id, b.Version, b.ObjectionId ?? Guid.Empty, b.Uphold ?? false, b.Reply ?? ""), ct),
            "send-up" => l.SendUpAsync(new SendUpInput(id, b.Version, b.OverrideReason), ct),
            "certify" => l.CertifyAsync(new CertifyInput(id, b.Version, b.DocumentNumber ?? "", b.Plaques ?? [], b.OverrideReason), ct),
            _ => throw new NotFoundException($"没有名单操作“{action}”。"),
        }).WithName("ListAction");
    }

    private static string Code(NationalActionBody b) =>
        string.IsNullOrWhiteSpace(b.CommunityCode) ? throw new DomainException("请指明社区代码 communityCode。", "A4.1") : b.CommunityCode.Trim();

    private static Task<ApplicationResult> Perform(Guid id, string action, ApplicationActionBody b, ApplicationUseCases w, CancellationToken ct)
    {
        var plain = new ActionInput(id, b.Version, b.Remark, b.OverrideReason);
        return action switch
        {
            "form" => w.Submission.SaveFormAsync(new SaveFormInput(id, b.Version, b.Form ?? ApplicationForm.Empty), ct),
            "score" => w.Scoring.ScoreAsync(new ScoreInput(id, b.Version, b.Level ?? throw new DomainException("请指明评分层级 level。", "A6"), b.Entries ?? []), ct),
            "submit" => w.Submission.SubmitAsync(plain, ct),
            "withdraw" => w.Submission.WithdrawAsync(plain, ct),
            "resubmit" => w.Submission.ResubmitAsync(plain, ct),
            "inspection" => w.Scoring.RecordInspectionAsync(new InspectionInput(id, b.Version, b.Date ?? default, b.Inspectors ?? [], b.Passed ?? false,
                b.Findings ?? ""), ct),
            "forward" => w.County.ForwardAsync(plain, ct),
            "reject" => w.County.RejectAsync(new RejectInput(id, b.Version, b.Reasons ?? [], b.OverrideReason), ct),
            "return" => w.County.ReturnForCorrectionAsync(new ReturnInput(id, b.Version, b.DueDate ?? default, b.Remark ?? "", b.OverrideReason), ct),
            "recommend" => w.City.RecommendAsync(plain, ct),
            "return-to-county" => w.City.ReturnToCountyAsync(plain, ct),
            "city-reject" => w.City.CityRejectAsync(plain, ct),
            "propose" => w.Province.ProposeAsync(plain, ct),
            "not-certify" => w.Province.NotCertifyAsync(plain, ct),
            "disqualify" => w.Province.DisqualifyAsync(new DisqualifyInput(id, b.Version, b.Reason ?? "", b.Evidence ?? ""), ct),
            _ => throw new NotFoundException($"没有申报操作“{action}”。"),
        };
    }
}

/// <summary>The application use cases an action may go to, one per stage (A8.1–A8.4), injected together.</summary>
internal sealed record ApplicationUseCases(ApplicationSubmission Submission, ApplicationScoring Scoring, CountyReview County, CityReview City,
    ProvinceReview Province);
