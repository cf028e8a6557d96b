using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.UnitTests.Campaigns;

// Inside the namespace: FullEmployment.Application (the project) would otherwise win the lookup.

public class CampaignTests
{
    private static readonly DateTimeOffset Now = CampaignWorld.At(2025, 3, 3, 9, 0);
    private static readonly ScoreTemplate Template = DefaultScoreTemplate.Create(CampaignWorld.Province, Now);
    private static readonly AssessmentPeriod Period = new(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

    private static Campaign Provincial(int total = 3, StageDeadlines? deadlines = null) =>
        new(CampaignKind.Provincial, CampaignWorld.Province, "2025年省级创建", 2025, total, Template, Period,
            deadlines ?? CampaignWorld.Deadlines, ProvincialCycle.Check(2025, [], null));

    public static TheoryData<CampaignState, CampaignAction> IllegalMoves()
    {
        var data = new TheoryData<CampaignState, CampaignAction>();
        foreach (var state in Enum.GetValues<CampaignState>())
        {
            foreach (var action in Enum.GetValues<CampaignAction>().Where(a => !Campaign.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    private static Campaign In(CampaignState state)
    {
        var campaign = Provincial();
        campaign.AllocateQuota(CampaignWorld.Lanzhou, 3);
        if (state != CampaignState.Draft)
        {
            campaign.Publish(Now);
        }

        if (state == CampaignState.Closed)
        {
            campaign.Close("取消", Now);
        }
        else if (state == CampaignState.Completed)
        {
            campaign.Complete(Now);
        }

        return campaign;
    }

    private static void Perform(Campaign campaign, CampaignAction action)
    {
        switch (action)
        {
            case CampaignAction.Publish:
                campaign.Publish(Now);
                break;
            case CampaignAction.Close:
                campaign.Close("因故取消", Now);
                break;
            case CampaignAction.Complete:
                campaign.Complete(Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    [Theory]
    [Trait("Clause", "A7")]
    [InlineData(CampaignState.Draft, CampaignAction.Publish)]
    [InlineData(CampaignState.Published, CampaignAction.Close)]
    [InlineData(CampaignState.Published, CampaignAction.Complete)]
    public void A7_Legal_campaign_moves_reach_the_table_state(CampaignState from, CampaignAction action)
    {
        var campaign = In(from);
        Perform(campaign, action);
        campaign.State.ShouldBe(Campaign.Transitions[(from, action)]);
    }

    [Theory]
    [Trait("Clause", "A7")]
    [MemberData(nameof(IllegalMoves))]
    public void A7_Illegal_campaign_moves_are_refused(CampaignState from, CampaignAction action)
    {
        var campaign = In(from);
        var ex = Should.Throw<DomainException>(() => Perform(campaign, action));
        ex.Message.ShouldContain($"“{Campaign.StateName(from)}”");
        campaign.State.ShouldBe(from);
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_City_allocations_must_sum_to_the_total_before_publishing()
    {
        var campaign = Provincial(total: 3);
        campaign.AllocateQuota(CampaignWorld.Lanzhou, 2);

        Should.Throw<DomainException>(() => campaign.Publish(Now)).Clause.ShouldBe("A7");
        campaign.State.ShouldBe(CampaignState.Draft);

        campaign.AllocateQuota(CampaignWorld.Jiayuguan, 1);
        campaign.Publish(Now);
        campaign.State.ShouldBe(CampaignState.Published);
        campaign.QuotaFor(CampaignWorld.Lanzhou).ShouldBe(2);
        campaign.QuotaFor("629999").ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_Allocations_cannot_exceed_the_total()
    {
        var campaign = Provincial(total: 3);
        campaign.AllocateQuota(CampaignWorld.Lanzhou, 2);

        Should.Throw<DomainException>(() => campaign.AllocateQuota(CampaignWorld.Jiayuguan, 2)).Message.ShouldContain("超过名额总数");
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_Allocation_can_be_changed_or_cleared_while_draft()
    {
        var campaign = Provincial(total: 3);
        campaign.AllocateQuota(CampaignWorld.Lanzhou, 2);
        campaign.AllocateQuota(CampaignWorld.Lanzhou, 1);
        campaign.AllocateQuota(CampaignWorld.Jiayuguan, 2);
        campaign.AllocateQuota(CampaignWorld.Jiayuguan, 0);

        campaign.Allocations.ShouldHaveSingleItem().Quota.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_A_published_campaign_cannot_change_quota_pass_mark_or_schedule()
    {
        var campaign = In(CampaignState.Published);

        Should.Throw<DomainException>(() => campaign.AllocateQuota(CampaignWorld.Jiayuguan, 1));
        Should.Throw<DomainException>(() => campaign.SetPassMark(85));
        Should.Throw<DomainException>(() => campaign.SetSchedule(Period, CampaignWorld.Deadlines));
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_Pass_mark_defaults_to_90_and_is_configurable()
    {
        var campaign = Provincial();
        campaign.PassMark.ShouldBe(90m);
        campaign.SetPassMark(85.5m);
        campaign.PassMark.ShouldBe(85.5m);
        Should.Throw<DomainException>(() => campaign.SetPassMark(101));
    }

    [Fact]
    [Trait("Clause", "A6")]
    public void A6_A_campaign_pins_its_published_template_version()
    {
        Provincial().TemplateVersion.ShouldBe("2023-1");
        var draft = new ScoreTemplate("2025-1", "草稿", CampaignWorld.Province);
        Should.Throw<DomainException>(() => new Campaign(CampaignKind.Provincial, CampaignWorld.Province, "批次", 2025, 1, draft, Period,
            CampaignWorld.Deadlines, ProvincialCycle.Check(2025, [], null)));
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_Stage_deadlines_must_be_in_order()
    {
        var inverted = CampaignWorld.Deadlines with { City = new DateOnly(2025, 5, 1) };
        Should.Throw<DomainException>(() => Provincial(deadlines: inverted));
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_A_campaign_cannot_be_published_after_its_application_deadline()
    {
        var campaign = Provincial(deadlines: CampaignWorld.Deadlines with { Application = new DateOnly(2025, 3, 2) });
        campaign.AllocateQuota(CampaignWorld.Lanzhou, 3);
        Should.Throw<DomainException>(() => campaign.Publish(Now));
    }

    [Fact]
    [Trait("Clause", "A7")]
    public void A7_Closing_needs_a_reason()
    {
        var campaign = In(CampaignState.Published);
        Should.Throw<DomainException>(() => campaign.Close(" ", Now));
        campaign.Close("上级要求暂停", Now);
        campaign.CloseReason.ShouldBe("上级要求暂停");
    }

    [Theory]
    [Trait("Clause", "A4.2")]
    [InlineData(2025)]
    [InlineData(2024)]
    [InlineData(2026)]
    public void A4_2_A_second_provincial_campaign_within_the_two_year_cycle_is_refused(int existing)
    {
        var ex = Should.Throw<DomainException>(() => ProvincialCycle.Check(2025, [existing], null));
        ex.Clause.ShouldBe("A4.2");
        ex.Message.ShouldContain("每两年创建一次");
    }

    [Fact]
    [Trait("Clause", "A4.2")]
    public void A4_2_A_provincial_campaign_two_years_after_the_last_is_allowed()
    {
        var check = ProvincialCycle.Check(2025, [2021, 2023], null);
        check.OverrideReason.ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A4.2")]
    public void A4_2_The_province_may_override_the_cycle_with_a_recorded_reason()
    {
        var check = ProvincialCycle.Check(2025, [2024], "国家部署加快创建进度");

        var campaign = new Campaign(CampaignKind.Provincial, CampaignWorld.Province, "2025年增补批次", 2025, 2, Template, Period,
            CampaignWorld.Deadlines, check);

        campaign.CycleOverrideReason.ShouldBe("国家部署加快创建进度");
    }

    [Fact]
    [Trait("Clause", "A4.2")]
    public void A4_2_The_cycle_check_must_be_for_the_campaign_year()
    {
        Should.Throw<DomainException>(() => new Campaign(CampaignKind.Provincial, CampaignWorld.Province, "批次", 2025, 2, Template, Period,
            CampaignWorld.Deadlines, ProvincialCycle.Check(2027, [2025], null)));
    }

    [Fact]
    [Trait("Clause", "A19")]
    public void A19_A_campaign_inside_the_measures_validity_window_has_no_warning()
    {
        Provincial().ValidityWarning().ShouldBeNull();
    }

    [Fact]
    [Trait("Clause", "A19")]
    public void A19_A_campaign_reaching_past_2028_08_15_is_warned()
    {
        var late = new StageDeadlines(new DateOnly(2028, 5, 31), new DateOnly(2028, 6, 30), new DateOnly(2028, 7, 31), new DateOnly(2028, 9, 30));

        var warning = Provincial(deadlines: late).ValidityWarning();

        warning.ShouldNotBeNull();
        warning.ShouldContain("2028年8月15日");
    }

    [Fact]
    [Trait("Clause", "A19")]
    public void A19_A_campaign_before_2023_08_16_is_warned()
    {
        var early = new StageDeadlines(new DateOnly(2023, 6, 30), new DateOnly(2023, 7, 31), new DateOnly(2023, 8, 31), new DateOnly(2023, 9, 30));
        Provincial(deadlines: early).ValidityWarning().ShouldNotBeNull();
    }
}
