using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.UnitTests.Supervision;

/// <summary>A11: the change report's due date, its transition table by actor, and the registry effects of each kind.</summary>
public sealed class ChangeReportTransitionTests
{
    private static readonly DateOnly Decision = new(2025, 3, 10);
    private static readonly DateOnly Today = new(2025, 3, 20);
    private const ChangeStanding Everyone = ChangeStanding.Community | ChangeStanding.County | ChangeStanding.City | ChangeStanding.Province;
    private static readonly ScoreTemplate Provincial = DefaultScoreTemplate.Create("620000", new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // Every auto item computes at full points from these figures (docs/reference/score-sheet.md).
    private static readonly AutoScoringInput Good = new(true, 2, 0.98m, 0, 0, 0, 0, 0, 0.97m, 0.93m, 1m, 0.9m, 1m, 1m, 1m, 0);

    [Theory]
    [Trait("Clause", "A11.1")]
    [InlineData("2025-01-31", "2025-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2025-03-31", "2025-04-30")]
    [InlineData("2025-03-10", "2025-04-10")]
    [InlineData("2025-12-31", "2026-01-31")]
    public void A11_1_A_report_is_due_one_calendar_month_after_the_decision_clamped_at_month_end(string decision, string due) =>
        ChangeReport.DueDateFor(DateOnly.Parse(decision, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    [Trait("Clause", "A11.1")]
    public void A11_1_A_late_report_is_accepted_and_marked_late()
    {
        var onTime = File(ChangeKind.Dissolution, ChangeStanding.Community, today: new DateOnly(2025, 4, 10));
        var late = File(ChangeKind.Dissolution, ChangeStanding.Community, today: new DateOnly(2025, 4, 11));

        onTime.FiledLate.ShouldBeFalse();
        late.FiledLate.ShouldBeTrue();
        late.State.ShouldBe(ChangeReportState.AwaitingCounty);
    }

    [Fact]
    [Trait("Clause", "A11.1")]
    public void A11_1_A_staff_filing_the_county_has_not_confirmed_is_overdue_unreported_after_its_due_date()
    {
        var report = File(ChangeKind.Dissolution, ChangeStanding.Community);

        report.IsOverdueUnreported(new DateOnly(2025, 4, 10)).ShouldBeFalse();
        report.IsOverdueUnreported(new DateOnly(2025, 4, 11)).ShouldBeTrue();
        report.Confirm(ChangeStanding.County, new DateOnly(2025, 4, 12));
        report.IsOverdueUnreported(new DateOnly(2025, 4, 12)).ShouldBeFalse();
    }

    [Theory]
    [Trait("Clause", "A11.1")]
    [InlineData(ChangeStanding.City)]
    [InlineData(ChangeStanding.Province)]
    [InlineData(ChangeStanding.None)]
    public void A11_1_Only_the_community_or_the_county_step_files(ChangeStanding filer) =>
        Should.Throw<DomainException>(() => File(ChangeKind.Dissolution, filer)).Clause.ShouldBe("A11");

    [Fact]
    [Trait("Clause", "A11.1")]
    public void A11_1_The_decision_needs_a_document_number_and_a_date_not_in_the_future()
    {
        Should.Throw<DomainException>(() => ChangeReport.File(ChangeKind.Dissolution, Community(), ChangeStanding.County, " ", Decision, Today, "u"));
        Should.Throw<DomainException>(() => ChangeReport.File(ChangeKind.Dissolution, Community(), ChangeStanding.County, "民发1号", Today.AddDays(1), Today, "u"))
            .Message.ShouldContain("不能晚于报备日期");
    }

    [Theory]
    [Trait("Clause", "A11.2")]
    [InlineData(ChangeStanding.Community, ChangeReportState.AwaitingCounty)]
    [InlineData(ChangeStanding.County, ChangeReportState.InEffect)]
    public void A11_2_A_dissolution_takes_effect_when_the_county_files_it_or_confirms_it(ChangeStanding filer, ChangeReportState state)
    {
        var report = File(ChangeKind.Dissolution, filer);

        report.State.ShouldBe(state);
        report.HasTakenEffect.ShouldBe(filer == ChangeStanding.County);
        if (filer == ChangeStanding.Community)
        {
            report.OptionsFor(ChangeStanding.Community).ShouldBeEmpty();
            report.OptionsFor(ChangeStanding.City | ChangeStanding.Province).ShouldBeEmpty();
            report.Confirm(ChangeStanding.County, Today);
            report.State.ShouldBe(ChangeReportState.InEffect);
        }
    }

    [Fact]
    [Trait("Clause", "A11.2")]
    public void A11_2_Dissolving_ends_every_title_in_force_on_the_decision_date_and_bars_applying()
    {
        var community = Community();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2019〕1号", new DateOnly(2019, 6, 1), "SJ-1");
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2023〕1号", new DateOnly(2023, 6, 1), "SS-1");

        community.Dissolve(Decision);

        community.Status.ShouldBe(CommunityStatus.Dissolved);
        community.Titles.ShouldAllBe(t => t.EndedOn == Decision && t.EndReason == TitleEndReason.Dissolution);
        Should.Throw<DomainException>(() => community.EnsureMayApply()).Clause.ShouldBe("A11.2");
        Should.Throw<DomainException>(() => community.Dissolve(Decision));
        Should.Throw<DomainException>(() => File(ChangeKind.Rename, ChangeStanding.County, community: community, newName: "新名"));
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_Merging_ends_the_predecessors_titles_and_marks_them_merged_into_the_successor()
    {
        var predecessor = Community();
        predecessor.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2023〕1号", new DateOnly(2023, 6, 1), "SS-1");
        var successor = Community("620102001002");
        successor.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2019〕1号", new DateOnly(2019, 6, 1), "SJ-1");

        predecessor.MergeInto(successor.Code, Decision);
        successor.MergeInto(successor.Code, Decision);

        predecessor.Status.ShouldBe(CommunityStatus.Merged);
        predecessor.MergedIntoCode.ShouldBe(successor.Code);
        predecessor.Titles.ShouldAllBe(t => t.EndedOn == Decision && t.EndReason == TitleEndReason.Merger);
        successor.Status.ShouldBe(CommunityStatus.Active);
        successor.Titles.ShouldAllBe(t => t.EndReason == TitleEndReason.Merger);
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_A_merger_names_two_or_more_predecessors_of_one_city_and_a_successor()
    {
        Should.Throw<DomainException>(() => File(ChangeKind.Merger, ChangeStanding.County, predecessors: [], successor: "620102001001"))
            .Message.ShouldContain("两个及以上");
        Should.Throw<DomainException>(() => File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620902001001"], successor: "620102001001"))
            .Message.ShouldContain("同一市州");
        Should.Throw<DomainException>(() => File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620102001002"], successor: null));

        var report = File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620102001002"], successor: "620102001009",
            decider: ChangeStanding.Province);
        report.PredecessorCodes.ShouldBe(["620102001001", "620102001002"]);
        report.State.ShouldBe(ChangeReportState.AwaitingVerification);
        report.VerifiedLevel.ShouldBe(TitleLevel.Provincial);
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_A_merger_without_titles_has_nothing_to_verify()
    {
        var report = File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620102001002"], successor: "620102001002");

        report.State.ShouldBe(ChangeReportState.InEffect);
        report.OptionsFor(Everyone).ShouldNotContain(ChangeReportAction.Verify);
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_The_decider_verifies_and_records_a_title_or_a_reason()
    {
        var report = File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620102001002"], successor: "620102001002",
            decider: ChangeStanding.City);
        report.VerifiedLevel.ShouldBe(TitleLevel.Municipal);
        report.OptionsFor(ChangeStanding.Province).ShouldNotContain(ChangeReportAction.Verify);
        Should.Throw<DomainException>(() => report.Verify(ChangeStanding.City,
            new MergerVerification(Today, Sheet(), "{}", true, null, null, null, null), "u")).Message.ShouldContain("文件号");
        Should.Throw<DomainException>(() => report.Verify(ChangeStanding.City,
            new MergerVerification(Today, Sheet(0), "{}", false, null, null, null, " "), "u")).Message.ShouldContain("理由");
        Should.Throw<DomainException>(() => report.Verify(ChangeStanding.City,
            new MergerVerification(Decision.AddDays(-1), Sheet(0), "{}", false, null, null, null, "不达标"), "u"));

        report.Verify(ChangeStanding.City, new MergerVerification(Today, Sheet(), "{\"rate\":1}", true, "兰人社发〔2025〕9号", "SJ-9", Today, null), "u");

        report.State.ShouldBe(ChangeReportState.Verified);
        report.MeetsConditions.ShouldBe(true);
        report.GrantedDocumentNumber.ShouldBe("兰人社发〔2025〕9号");
        Should.Throw<DomainException>(() => report.Verify(ChangeStanding.City,
            new MergerVerification(Today, Sheet(), "{}", false, null, null, null, "再次"), "u")).Message.ShouldContain("不能执行");
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_A6_The_verification_needs_every_item_of_the_provincial_sheet_scored()
    {
        var report = Merger(ChangeStanding.Province);
        var partial = new ScoreSheet(ReviewLevel.Province, Provincial, Good);
        partial.Judge("1.2", 4, null);

        var refusal = Should.Throw<DomainException>(() => report.Verify(ChangeStanding.Province,
            new MergerVerification(Today, partial, "{}", false, null, null, null, "不达标"), "u"));

        refusal.Clause.ShouldBe("A6");
        refusal.Message.ShouldContain("1.3");
        report.State.ShouldBe(ChangeReportState.AwaitingVerification);
        report.VerificationSheet.ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_A_verification_item_is_scored_within_its_maximum()
    {
        var sheet = new ScoreSheet(ReviewLevel.Province, Provincial, Good);

        Should.Throw<DomainException>(() => sheet.Judge("1.2", 4.5m, null)).Clause.ShouldBe("A6");
        Should.Throw<DomainException>(() => sheet.Judge("1.2", -1, "扣分")).Clause.ShouldBe("A6");
        Should.Throw<DomainException>(() => sheet.Override("2.1", 9, "现场核实")).Clause.ShouldBe("A6");
    }

    [Fact]
    [Trait("Clause", "A11.3")]
    public void A11_3_The_verification_score_is_the_sheets_total_and_the_sheet_is_kept_itemised_and_locked()
    {
        var report = Merger(ChangeStanding.Province);
        var sheet = Sheet(2);

        report.Verify(ChangeStanding.Province, new MergerVerification(Today, sheet, "{}", false, null, null, null, "群众满意度不足"), "u");

        report.VerificationSheet.ShouldBeSameAs(sheet);
        report.VerificationSheet!.Lines.Count.ShouldBe(Provincial.Items.Count);
        report.VerificationScore.ShouldBe(sheet.Lines.Sum(l => l.Score!.Value));
        report.VerificationSheet.IsLocked.ShouldBeTrue();
        Should.Throw<DomainException>(() => sheet.Judge("1.2", 4, null));
    }

    [Theory]
    [Trait("Clause", "A11.3")]
    [InlineData(0, false)]
    [InlineData(-1, true)]
    public void A11_3_Meeting_the_conditions_needs_the_pass_mark_on_the_provincial_sheet(int judged, bool passes)
    {
        var sheet = Sheet(judged);
        sheet.Passes(ChangeReport.VerificationPassMark).ShouldBe(passes);
        var report = Merger(ChangeStanding.Province);
        var verification = new MergerVerification(Today, sheet, "{}", true, "甘人社发〔2025〕9号", "甘A-009", Today, null);

        if (passes)
        {
            report.Verify(ChangeStanding.Province, verification, "u");
            report.MeetsConditions.ShouldBe(true);
        }
        else
        {
            Should.Throw<DomainException>(() => report.Verify(ChangeStanding.Province, verification, "u")).Message.ShouldContain("未达到90分");
            report.State.ShouldBe(ChangeReportState.AwaitingVerification);
            report.Verify(ChangeStanding.Province, verification with { MeetsConditions = false, Reason = "得分不足90分" }, "u");
            report.MeetsConditions.ShouldBe(false);
        }
    }

    [Theory]
    [Trait("Clause", "A11.4")]
    [InlineData(ChangeStanding.Province)]
    [InlineData(ChangeStanding.City)]
    public void A11_4_Only_the_decider_consents_to_or_refuses_a_rename(ChangeStanding decider)
    {
        var report = File(ChangeKind.Rename, ChangeStanding.Community, newName: "新东岗社区", decider: decider);
        var other = decider == ChangeStanding.Province ? ChangeStanding.City : ChangeStanding.Province;

        report.State.ShouldBe(ChangeReportState.AwaitingConsent);
        report.OptionsFor(other).ShouldNotContain(ChangeReportAction.Consent);
        Should.Throw<DomainException>(() => report.Consent(other, Today, "u")).Message.ShouldContain("无权");
        report.OptionsFor(decider).ShouldContain(ChangeReportAction.Consent);
        report.Consent(decider, Today, "u");
        report.State.ShouldBe(ChangeReportState.Consented);
        report.PlaqueReissueNote!.ShouldContain("牌匾");
    }

    [Fact]
    [Trait("Clause", "A11.4")]
    public void A11_4_A_consented_rename_keeps_the_old_name_in_history_and_the_titles()
    {
        var community = Community();
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2023〕1号", new DateOnly(2023, 6, 1), "SS-1");

        community.Rename("新东岗社区", Today);

        community.Name.ShouldBe("新东岗社区");
        community.NameHistory.ShouldHaveSingleItem().OldName.ShouldBe("东岗社区");
        community.NameHistory[0].ChangedOn.ShouldBe(Today);
        community.TitlesInForceOn(Today).ShouldHaveSingleItem();
    }

    [Fact]
    [Trait("Clause", "A11.4")]
    public void A11_4_A_refusal_needs_a_reason_and_leaves_the_title_to_decide()
    {
        var report = File(ChangeKind.Rename, ChangeStanding.County, newName: "新东岗社区", decider: ChangeStanding.Province);
        Should.Throw<DomainException>(() => report.Refuse(ChangeStanding.Province, Today, "u", " "));

        report.Refuse(ChangeStanding.Province, Today, "u", "新名称与辖区内社区重名");

        report.State.ShouldBe(ChangeReportState.Refused);
        report.Reason.ShouldBe("新名称与辖区内社区重名");
        report.OptionsFor(ChangeStanding.Province).ShouldContain(ChangeReportAction.DecideTitle);
        report.DecideTitle(ChangeStanding.Province, Today, "保留称号，原名称继续使用");
        report.OptionsFor(ChangeStanding.Province).ShouldNotContain(ChangeReportAction.DecideTitle);
    }

    [Fact]
    [Trait("Clause", "A11.4")]
    public void A11_4_The_decider_is_the_province_unless_only_municipal_titles_are_in_force()
    {
        var community = Community();
        community.GrantTitle(TitleLevel.Municipal, "兰州市人社局", "兰人社发〔2019〕1号", new DateOnly(2019, 6, 1), "SJ-1");
        ChangeReport.DeciderFor(community.TitlesInForceOn(Today)).ShouldBe(ChangeStanding.City);
        community.GrantTitle(TitleLevel.Provincial, "甘肃省人社厅", "甘人社发〔2023〕1号", new DateOnly(2023, 6, 1), "SS-1");
        ChangeReport.DeciderFor(community.TitlesInForceOn(Today)).ShouldBe(ChangeStanding.Province);
        Should.Throw<DomainException>(() => File(ChangeKind.Rename, ChangeStanding.Community, newName: "东岗社区"));
    }

    [Fact]
    [Trait("Clause", "A11.1")]
    public void A11_1_The_city_and_the_province_each_acknowledge_a_report_once_it_reached_them()
    {
        var report = File(ChangeKind.Dissolution, ChangeStanding.Community);
        report.OptionsFor(ChangeStanding.City).ShouldNotContain(ChangeReportAction.Acknowledge);
        report.Confirm(ChangeStanding.County, Today);

        report.Acknowledge(ChangeStanding.City, Today);
        report.OptionsFor(ChangeStanding.City).ShouldNotContain(ChangeReportAction.Acknowledge);
        report.OptionsFor(ChangeStanding.Province).ShouldContain(ChangeReportAction.Acknowledge);
        report.Acknowledge(ChangeStanding.Province, Today);
        report.CityAcknowledgedOn.ShouldBe(Today);
        report.ProvinceAcknowledgedOn.ShouldBe(Today);
        Should.Throw<DomainException>(() => report.Acknowledge(ChangeStanding.Province, Today));
    }

    public static TheoryData<ChangeReportState, ChangeReportAction> IllegalMoves()
    {
        var data = new TheoryData<ChangeReportState, ChangeReportAction>();
        foreach (var state in Enum.GetValues<ChangeReportState>())
        {
            foreach (var action in new[] { ChangeReportAction.Confirm, ChangeReportAction.Consent, ChangeReportAction.Refuse, ChangeReportAction.Verify }
                .Where(a => !ChangeReport.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A11")]
    [MemberData(nameof(IllegalMoves))]
    public void A11_Every_illegal_move_is_refused_with_a_Chinese_message_naming_the_state(ChangeReportState state, ChangeReportAction action)
    {
        var report = In(state);

        var error = Should.Throw<DomainException>(() => Perform(report, action));

        error.Clause.ShouldBe("A11");
        error.Message.ShouldContain(state.DisplayName());
        report.State.ShouldBe(state);
    }

    public static TheoryData<ChangeReportState, ChangeReportAction> LegalMoves()
    {
        var data = new TheoryData<ChangeReportState, ChangeReportAction>();
        foreach (var (from, action) in ChangeReport.Transitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A11")]
    [MemberData(nameof(LegalMoves))]
    public void A11_Every_legal_move_reaches_the_state_in_the_transition_table(ChangeReportState from, ChangeReportAction action)
    {
        var report = In(from);

        Perform(report, action);

        report.State.ShouldBe(ChangeReport.Transitions[(from, action)]);
    }

    private static void Perform(ChangeReport report, ChangeReportAction action)
    {
        switch (action)
        {
            case ChangeReportAction.Confirm:
                report.Confirm(Everyone, Today);
                break;
            case ChangeReportAction.Consent:
                report.Consent(Everyone, Today, "u");
                break;
            case ChangeReportAction.Refuse:
                report.Refuse(Everyone, Today, "u", "理由");
                break;
            default:
                report.Verify(Everyone, new MergerVerification(Today, Sheet(0), "{}", false, null, null, null, "不达标"), "u");
                break;
        }
    }

    private static ChangeReport In(ChangeReportState state)
    {
        var merger = () => File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620102001002"], successor: "620102001002",
            decider: ChangeStanding.Province);
        var rename = () => File(ChangeKind.Rename, ChangeStanding.Community, newName: "新东岗社区", decider: ChangeStanding.Province);
        ChangeReport report;
        switch (state)
        {
            case ChangeReportState.AwaitingCounty:
                return File(ChangeKind.Dissolution, ChangeStanding.Community);
            case ChangeReportState.InEffect:
                return File(ChangeKind.Dissolution, ChangeStanding.County);
            case ChangeReportState.AwaitingVerification:
                return merger();
            case ChangeReportState.Verified:
                report = merger();
                report.Verify(ChangeStanding.Province, new MergerVerification(Today, Sheet(0), "{}", false, null, null, null, "不达标"), "u");
                return report;
            case ChangeReportState.AwaitingConsent:
                return rename();
            case ChangeReportState.Consented:
                report = rename();
                report.Consent(ChangeStanding.Province, Today, "u");
                return report;
            default:
                report = rename();
                report.Refuse(ChangeStanding.Province, Today, "u", "理由");
                return report;
        }
    }

    private static ChangeReport Merger(ChangeStanding decider) =>
        File(ChangeKind.Merger, ChangeStanding.County, predecessors: ["620102001002"], successor: "620102001002", decider: decider);

    /// <summary>A complete provincial sheet: judged items at full points, or at <paramref name="judged"/> with a remark.</summary>
    private static ScoreSheet Sheet(decimal judged = -1)
    {
        var sheet = new ScoreSheet(ReviewLevel.Province, Provincial, Good);
        foreach (var line in sheet.Lines.Where(l => l.Mode == ScoringMode.Judged))
        {
            sheet.Judge(line.Number, judged < 0 ? line.MaxPoints : Math.Min(judged, line.MaxPoints), judged < 0 ? null : "扣分");
        }

        return sheet;
    }

    private static ChangeReport File(ChangeKind kind, ChangeStanding filer, DateOnly? today = null, Community? community = null,
        string? newName = null, IReadOnlyList<string>? predecessors = null, string? successor = null, ChangeStanding decider = ChangeStanding.None) =>
        ChangeReport.File(kind, community ?? Community(), filer, "城民发〔2025〕3号", Decision, today ?? Today, "tester", decider, newName,
            predecessors, successor);

    private static Community Community(string code = "620102001001") => new(code, "620100", "620102",
        new CommunityDetails("东岗社区", "东岗街道", "兰州市城关区", "城政发〔2012〕1号", "民备001", new DateOnly(2012, 6, 1), null, null));
}
