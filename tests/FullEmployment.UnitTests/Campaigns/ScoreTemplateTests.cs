using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.UnitTests.Campaigns;

public class ScoreTemplateTests
{
    private static readonly DateTimeOffset Published = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Default_template_2023_1_sums_to_100_and_is_published()
    {
        var template = DefaultScoreTemplate.Create("620000", Published);

        template.TemplateVersion.ShouldBe("2023-1");
        template.IsPublished.ShouldBeTrue();
        template.Items.Count.ShouldBe(16);
        template.TotalPoints.ShouldBe(100m);
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Default_template_follows_the_spec_item_by_item()
    {
        var template = DefaultScoreTemplate.Create("620000", Published);

        template.Items.Select(i => (i.Number, i.MaxPoints, i.Mode, i.IsGate, i.ClauseId)).ShouldBe(
        [
            ("1.1", 4m, ScoringMode.Auto, true, "A5.1.1"),
            ("1.2", 4m, ScoringMode.Judged, false, "A5.1.2"),
            ("1.3", 3m, ScoringMode.Judged, false, "A5.1.3"),
            ("1.4", 5m, ScoringMode.Auto, true, "A5.1.4"),
            ("1.5", 4m, ScoringMode.Judged, false, "A5.1.5"),
            ("2.1", 8m, ScoringMode.Auto, false, "A5.2.1"),
            ("2.2", 7m, ScoringMode.Auto, false, "A5.2.2"),
            ("3.1", 10m, ScoringMode.Auto, true, "A5.3.1"),
            ("3.2", 10m, ScoringMode.Auto, true, "A5.3.2"),
            ("3.3", 10m, ScoringMode.Auto, true, "A5.3.3"),
            ("3.4", 5m, ScoringMode.Auto, false, "A5.3.4"),
            ("4.1", 5m, ScoringMode.Auto, false, "A5.4.1"),
            ("4.2", 10m, ScoringMode.Auto, true, "A5.4.2"),
            ("4.3", 5m, ScoringMode.Auto, false, "A5.4.3"),
            ("5.1", 5m, ScoringMode.Judged, false, "A5.5.1"),
            ("5.2", 5m, ScoringMode.Auto, true, "A5.5.2"),
        ]);
        template.Items.Select(i => i.Group).Distinct().ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Published_template_is_immutable()
    {
        var template = DefaultScoreTemplate.Create("620000", Published);

        Should.Throw<DomainException>(() => template.AddItem(6, "其他", "6.1", "新增项", 1, "评定", ScoringMode.Judged, "A6"));
        Should.Throw<DomainException>(() => template.RemoveItem("1.1"));
        Should.Throw<DomainException>(() => template.Publish(Published)).Message.ShouldContain("已发布");
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_A_template_that_does_not_sum_to_100_cannot_be_published()
    {
        var template = new ScoreTemplate("2025-1", "测试评分表", "620000");
        template.AddItem(1, "平台建设", "1.1", "场地", 60, "评定", ScoringMode.Judged, "A5.1.2");
        template.AddItem(1, "平台建设", "1.2", "制度", 30, "评定", ScoringMode.Judged, "A5.1.5");

        var ex = Should.Throw<DomainException>(() => template.Publish(Published));

        ex.Message.ShouldContain("必须为100分");
        template.IsPublished.ShouldBeFalse();
        template.AddItem(1, "平台建设", "1.3", "环境", 10, "评定", ScoringMode.Judged, "A5.1.3");
        template.Publish(Published);
        template.IsPublished.ShouldBeTrue();
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Item_numbers_are_unique_and_points_have_one_decimal_place()
    {
        var template = new ScoreTemplate("2025-1", "测试评分表", "620000");
        template.AddItem(1, "平台建设", "1.1", "场地", 50, "评定", ScoringMode.Judged, "A5.1.2");

        Should.Throw<DomainException>(() => template.AddItem(1, "平台建设", "1.1", "重复", 10, "评定", ScoringMode.Judged, "A5.1.2"));
        Should.Throw<DomainException>(() => template.AddItem(1, "平台建设", "1.2", "两位小数", 10.25m, "评定", ScoringMode.Judged, "A5.1.2"));
        Should.Throw<DomainException>(() => template.AddItem(1, "平台建设", "1.3", "门槛超分值", 5, "评定", ScoringMode.Auto, "A5.1.2", gateMinimum: 6));
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_A_draft_template_cannot_be_used_for_scoring()
    {
        var draft = new ScoreTemplate("2025-1", "测试评分表", "620000");

        Should.Throw<DomainException>(() => new ScoreSheet(ReviewLevel.Self, draft, CampaignWorld.GoodIndicators));
    }
}

public class ScoreSheetTests
{
    private static readonly ScoreTemplate Template = DefaultScoreTemplate.Create("620000", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static ScoreSheet Sheet(AutoScoringInput? indicators = null) =>
        new(ReviewLevel.County, Template, indicators ?? CampaignWorld.GoodIndicators);

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Auto_items_carry_the_computed_values_and_judged_items_start_empty()
    {
        var sheet = Sheet();

        sheet.Line("1.4").Score.ShouldBe(5m);
        sheet.Line("1.4").ComputedScore.ShouldBe(5m);
        sheet.Line("1.2").Score.ShouldBeNull();
        sheet.IsComplete.ShouldBeFalse();
        sheet.Total.ShouldBe(84m);
        sheet.Indicators.ShouldBe(CampaignWorld.GoodIndicators);
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Full_sheet_totals_100_and_passes_the_pass_mark()
    {
        var sheet = CampaignWorld.FillJudged(Sheet());

        sheet.IsComplete.ShouldBeTrue();
        sheet.Total.ShouldBe(100m);
        sheet.GatesMet.ShouldBeTrue();
        sheet.Passes(90m).ShouldBeTrue();
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Overriding_an_auto_score_needs_a_reason()
    {
        var sheet = Sheet();

        var ex = Should.Throw<DomainException>(() => sheet.Override("2.1", 6m, " "));

        ex.Message.ShouldContain("必须填写理由");
        sheet.Line("2.1").Score.ShouldBe(8m);
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_An_override_keeps_the_computed_value_beside_it()
    {
        var sheet = Sheet();

        sheet.Override("2.1", 6.5m, "现场抽查发现台账缺页");

        var line = sheet.Line("2.1");
        line.Score.ShouldBe(6.5m);
        line.ComputedScore.ShouldBe(8m);
        line.OverrideReason.ShouldBe("现场抽查发现台账缺页");
        line.IsOverridden.ShouldBeTrue();
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Judged_item_below_full_points_needs_a_remark()
    {
        var sheet = Sheet();

        Should.Throw<DomainException>(() => sheet.Judge("1.2", 3m, null)).Message.ShouldContain("必须填写扣分说明");
        sheet.Judge("1.2", 3m, "信息公开栏不醒目");
        sheet.Line("1.2").Remark.ShouldBe("信息公开栏不醒目");
        sheet.Judge("1.3", 3m, null);
        sheet.Line("1.3").Score.ShouldBe(3m);
    }

    [Theory]
    [Trait("Clause", "A6")]
    [InlineData(-0.1)]
    [InlineData(4.1)]
    [InlineData(2.25)]
    public void A6_Scores_are_within_0_and_max_with_one_decimal_place(double score)
    {
        Should.Throw<DomainException>(() => Sheet().Judge("1.2", (decimal)score, "说明"));
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Auto_items_cannot_be_judged_and_judged_items_cannot_be_overridden()
    {
        var sheet = Sheet();
        Should.Throw<DomainException>(() => sheet.Judge("2.1", 8m, null));
        Should.Throw<DomainException>(() => sheet.Override("1.2", 4m, "理由"));
    }

    [Fact]
    [Trait("Clause", "A5")]
    public void A5_A_failed_gate_blocks_passing_whatever_the_total()
    {
        var sheet = CampaignWorld.FillJudged(Sheet(CampaignWorld.GoodIndicators with { MonthlyAssistanceCoverage = 0.996m }));

        sheet.Line("4.2").Score.ShouldBe(9.9m);
        sheet.Total.ShouldBe(99.9m);
        sheet.GatesMet.ShouldBeFalse();
        sheet.UnmetGates.Select(l => l.Number).ShouldBe(["4.2"]);
        sheet.Passes(90m).ShouldBeFalse();
    }

    [Fact]
    [Trait("Clause", "A5")]
    public void A5_Overriding_a_gate_item_re_evaluates_the_gate_by_its_minimum_score()
    {
        var sheet = CampaignWorld.FillJudged(Sheet(CampaignWorld.GoodIndicators with { QualifiedStaffCount = 0 }));
        sheet.GatesMet.ShouldBeFalse();

        sheet.Override("1.4", 3m, "花名册漏录一名大专学历专职人员，已核实");

        sheet.GatesMet.ShouldBeTrue();
        sheet.Line("1.4").ComputedScore.ShouldBe(0m);
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Below_the_pass_mark_does_not_pass()
    {
        var sheet = CampaignWorld.FillJudged(Sheet());
        sheet.Judge("1.5", 0m, "无书面制度");
        sheet.Judge("5.1", 0m, "满意率低于80%");
        sheet.Judge("1.2", 2m, "缺服务窗口和公开栏");

        sheet.Total.ShouldBe(89m);
        sheet.Passes(90m).ShouldBeFalse();
        sheet.Passes(85m).ShouldBeTrue();
    }
}
