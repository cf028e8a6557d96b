using System.Text.Json;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Campaigns;

/// <summary>
/// Each level's own score sheet (A6) and the on-site inspections: the county's (A8.2) and the province's evaluation (A8.4).
/// Only the level's officer, while the application is at that level.
/// </summary>
public sealed class ApplicationScoring(AppDbContext db, FileStore files, ApplicationSteps steps)
{
    /// <summary>Fills the level's sheet: judged items with a remark below full points, auto items only with a reason (A6).</summary>
    public Task<ApplicationResult> ScoreAsync(ScoreInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.EditAsync(input.ApplicationId, input.Version, "application.score", (a, c) => steps.Holds(input.Level, a, c),
            $"当前角色不能填写{CampaignApplication.LevelName(input.Level)}评分。", async (a, campaign) =>
            {
                // Reviewers' copies open from the snapshot frozen at submission (A8.1).
                var sheet = a.SheetFor(input.Level) ?? a.OpenScoreSheet(input.Level, await steps.TemplateAsync(campaign, cancellationToken),
                    await FrozenOrLiveAsync(a, campaign, cancellationToken));

                foreach (var e in input.Entries)
                {
                    if (sheet.Line(e.Number).Mode == ScoringMode.Judged)
                    {
                        sheet.Judge(e.Number, e.Score, e.Remark);
                    }
                    else
                    {
                        sheet.Override(e.Number, e.Score, e.Remark ?? "");
                    }
                }

                return new { level = input.Level.ToString(), input.Entries, sheet.Total };
            }, cancellationToken);
    }

    /// <summary>Records the county's on-site inspection (A8.2), or the province's on-site evaluation (A8.4) once the application is there.</summary>
    public Task<ApplicationResult> RecordInspectionAsync(InspectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return steps.EditAsync(input.ApplicationId, input.Version, "application.inspection", (a, c) => steps.Holds(a.InspectionLevel, a, c),
            "当前角色不能登记实地考察。", async (a, _) =>
            {
                var level = a.InspectionLevel;
                var inspection = a.RecordInspection(level, input.Date, input.Inspectors, input.Passed, input.Findings);
                foreach (var photo in input.Photos ?? [])
                {
                    db.Add(await files.SaveAsync(photo, "application", a.Id.ToString(), "inspection:" + inspection.Id, steps.ActorName, cancellationToken));
                }

                return new { level = level.ToString(), input.Date, input.Inspectors, input.Passed, input.Findings, photos = input.Photos?.Count ?? 0 };
            }, cancellationToken);
    }

    private async Task<AutoScoringInput> FrozenOrLiveAsync(CampaignApplication a, Campaign campaign, CancellationToken cancellationToken)
    {
        var dossier = await steps.DossierAsync(a.Id, cancellationToken);
        if (dossier.SnapshotJson is { } json)
        {
            return JsonSerializer.Deserialize<IndicatorSnapshot>(json, ApplicationSteps.Json)!.Input;
        }

        return (await steps.SnapshotAsync(a.CommunityId, campaign, cancellationToken)).Input;
    }
}
