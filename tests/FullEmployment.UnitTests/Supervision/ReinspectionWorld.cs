using System.Reflection;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.UnitTests.Supervision;

/// <summary>A round of 2025 (reference date 2025-06-30) over one Lanzhou community holding a provincial and a municipal title.</summary>
internal sealed class ReinspectionWorld
{
    public const string Actor = "lanzhou";
    public static readonly DateTimeOffset OpenedAt = new(2025, 7, 1, 9, 0, 0, ChinaTime.Offset);
    public static readonly DateOnly Today = new(2025, 8, 1);
    public static readonly DateOnly DueDate = new(2025, 8, 15);

    private static readonly AutoScoringInput Good = new(true, 2, 0.98m, 0, 0, 0, 0, 0, 0.97m, 0.93m, 1m, 0.9m, 1m, 1m, 1m, 0);

    public ReinspectionWorld()
    {
        Template = DefaultScoreTemplate.Create("620000", OpenedAt.AddYears(-2));
        Round = new ReinspectionRound(2025, new DateOnly(2025, 6, 30), new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31),
            Template.TemplateVersion, ReinspectionRound.DefaultPassMark, includeNational: false, "province", OpenedAt);
        Community = NewCommunity("620102001001", "620100", "620102");
        Municipal = Community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2019〕1号", new DateOnly(2019, 6, 1), null);
        SetId(Municipal, 1);
        Provincial = Community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2021〕2号", new DateOnly(2021, 6, 1), "甘A-001");
        SetId(Provincial, 2);
    }

    public ScoreTemplate Template { get; }
    public ReinspectionRound Round { get; }
    public Community Community { get; }
    public Title Municipal { get; }
    public Title Provincial { get; }

    public static Community NewCommunity(string code, string city, string? county)
    {
        var c = new Community(code, city, county, new CommunityDetails("东岗社区", "东岗街道", "东岗西路1号", "城政发〔2015〕1号", "民备001",
            new DateOnly(2015, 3, 1), null, null));
        SetId(c, 7);
        return c;
    }

    public static void SetId(object entity, int id) =>
        entity.GetType().GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);

    public ReinspectionRecord RecordFor(Title title) => Round.RecordsFor([Community]).Single(r => r.TitleId == title.Id);

    public ScoreSheet Sheet(decimal judged = -1)
    {
        var sheet = new ScoreSheet(ReviewLevel.City, Template, Good);
        foreach (var line in sheet.Lines.Where(l => l.Mode == ScoringMode.Judged))
        {
            sheet.Judge(line.Number, judged < 0 ? line.MaxPoints : Math.Min(judged, line.MaxPoints), judged < 0 ? null : "扣分");
        }

        return sheet;
    }

    public static ReinspectionVisit Visit(string findings = "台账更新不及时") =>
        new(Today, ["张三", "李四"], "实地查看、查阅台账", findings);

    /// <summary>A provincial-title record brought into <paramref name="state"/> by legal moves.</summary>
    public ReinspectionRecord RecordIn(ReinspectionState state, Title? title = null)
    {
        var record = RecordFor(title ?? Provincial);
        switch (state)
        {
            case ReinspectionState.NotStarted:
                break;
            case ReinspectionState.Passed:
                record.RecordResult(ReinspectionResult.Pass, Sheet(), Visit(""), "{}", Actor, Today);
                break;
            case ReinspectionState.Rectifying:
                Rectify(record);
                break;
            case ReinspectionState.RectificationAnswered:
                Rectify(record);
                record.AnswerRectification("已补齐台账", Today);
                break;
            case ReinspectionState.Failed:
                record.RecordResult(ReinspectionResult.Fail, Sheet(0), Visit(), "{}", Actor, Today);
                break;
            case ReinspectionState.Confirmed:
                record.RecordResult(ReinspectionResult.Fail, Sheet(0), Visit(), "{}", Actor, Today);
                record.Confirm(Community, Today, "确认", "province", Today);
                break;
            case ReinspectionState.Overturned:
                record.RecordResult(ReinspectionResult.Fail, Sheet(0), Visit(), "{}", Actor, Today);
                record.Overturn("证据不足", "province", Today);
                break;
        }

        record.State.ShouldBe(state);
        return record;
    }

    /// <summary>Performs <paramref name="action"/> with valid inputs; an unanswered rectification is failed after its due date.</summary>
    public void Perform(ReinspectionRecord record, ReinspectionAction action)
    {
        switch (action)
        {
            case ReinspectionAction.SelfCheck:
                record.SubmitSelfCheck("自评95分", OpenedAt.AddDays(3));
                break;
            case ReinspectionAction.Pass:
                record.RecordResult(ReinspectionResult.Pass, Sheet(), Visit(""), "{}", Actor, Today);
                break;
            case ReinspectionAction.Rectify:
                Rectify(record);
                break;
            case ReinspectionAction.Fail:
                record.RecordResult(ReinspectionResult.Fail, Sheet(0), Visit(), "{}", Actor, Today);
                break;
            case ReinspectionAction.AnswerRectification:
                record.AnswerRectification("已补齐台账", Today);
                break;
            case ReinspectionAction.RecheckPass:
                record.RecheckPass("整改到位", Today);
                break;
            case ReinspectionAction.RecheckFail:
                record.RecheckFail("整改不到位", record.State == ReinspectionState.Rectifying ? DueDate.AddDays(1) : Today);
                break;
            case ReinspectionAction.Confirm:
                record.Confirm(Community, Today, "确认", "province", Today);
                break;
            case ReinspectionAction.Overturn:
                record.Overturn("证据不足", "province", Today);
                break;
        }
    }

    public static string PartyAccount(ReinspectionParty party) => party switch
    {
        ReinspectionParty.Community => Roles.CommunityStaff,
        ReinspectionParty.InspectingCity => Roles.CityOfficer,
        _ => Roles.ProvinceOfficer,
    };

    private void Rectify(ReinspectionRecord record) =>
        record.RecordResult(ReinspectionResult.Rectify, Sheet(), Visit(), "{}", Actor, Today, DueDate, ["补齐台账"]);
}
