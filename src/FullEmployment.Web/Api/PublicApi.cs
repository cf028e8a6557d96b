using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain.Communities;
using FullEmployment.Web.Infrastructure;

namespace FullEmployment.Web.Api;

public sealed record ObjectionBody(Guid CandidateId, string Name, string Phone, string Content);

/// <summary>The public site's data (/api/v1/public): no login; only names and regions of candidates, never personal data.</summary>
public static class PublicApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.AllowAnonymous();
        group.MapGet("/notices", (PublicSite site, CancellationToken ct) => site.OpenNoticesAsync(ct)).WithName("OpenNotices").WithSummary("公示中的名单");
        group.MapGet("/notices/past", (PublicSite site, CancellationToken ct) => site.PastNoticesAsync(ct)).WithName("PastNotices");
        group.MapGet("/notices/{id:guid}", (Guid id, PublicSite site, CancellationToken ct) => site.GetNoticeAsync(id, ct)).WithName("GetNotice");
        group.MapPost("/notices/{id:guid}/objections", async (Guid id, ObjectionBody body, PublicSite site, CancellationToken ct) =>
                Results.Created($"/api/v1/public/notices/{id}",
                    await site.SubmitObjectionAsync(new ObjectionSubmission(id, body.CandidateId, body.Name, body.Phone, body.Content), ct)))
            .RequireObjectionRateLimit().WithName("SubmitObjection").WithSummary("对公示名单提出异议（须填写姓名和电话）");
        group.MapGet("/announcements", (int? page, int? pageSize, PublicSite site, CancellationToken ct) =>
            site.AnnouncementsAsync(new PageRequest(page ?? 1, pageSize ?? 20), ct)).WithName("Announcements");
        group.MapGet("/announcements/{id:guid}", (Guid id, PublicSite site, CancellationToken ct) => site.GetAnnouncementAsync(id, ct)).WithName("GetAnnouncement");
        group.MapGet("/directory", (string? level, string? region, int? year, int? page, int? pageSize, PublicSite site, CancellationToken ct) =>
            site.DirectoryAsync(new DirectoryFilter(TitleLevels.ParseApiName(level), region, year), new PageRequest(page ?? 1, pageSize ?? 20), ct))
            .WithName("Directory").WithSummary("充分就业社区名录");
        group.MapGet("/directory.xlsx", async (string? level, string? region, int? year, PublicSite site, CancellationToken ct) =>
            Results.File(await site.ExportDirectoryAsync(new DirectoryFilter(TitleLevels.ParseApiName(level), region, year), ct), Xlsx.ContentType,
                "充分就业社区名录.xlsx")).WithName("DirectoryExport");
    }
}
