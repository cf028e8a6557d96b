using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;

namespace FullEmployment.UnitTests.Campaigns;

// Inside the namespace: FullEmployment.Application (the project) would otherwise win the lookup.

public class ApplicationTransitionTests
{
    public static TheoryData<ApplicationState, ApplicationAction> LegalMoves()
    {
        var data = new TheoryData<ApplicationState, ApplicationAction>();
        foreach (var (from, action) in CampaignApplication.Transitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    public static TheoryData<ApplicationState, ApplicationAction> IllegalMoves()
    {
        var data = new TheoryData<ApplicationState, ApplicationAction>();
        foreach (var state in Enum.GetValues<ApplicationState>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>().Where(a => !CampaignApplication.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A8")]
    [MemberData(nameof(LegalMoves))]
    public void A8_Every_legal_move_reaches_the_state_in_the_transition_table(ApplicationState from, ApplicationAction action)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(from);

        world.Perform(application, action);

        application.State.ShouldBe(CampaignApplication.Transitions[(from, action)]);
        var last = application.History[^1];
        last.Action.ShouldBe(action);
        last.From.ShouldBe(from);
        last.To.ShouldBe(application.State);
        last.Actor.ShouldBe(CampaignWorld.Actor);
    }

    [Theory]
    [Trait("Clause", "A8")]
    [MemberData(nameof(IllegalMoves))]
    public void A8_Every_illegal_move_is_refused_with_a_Chinese_message_naming_the_state(ApplicationState from, ApplicationAction action)
    {
        var world = new CampaignWorld();
        var application = world.ApplicationIn(from);
        var historyBefore = application.History.Count;

        var ex = Should.Throw<DomainException>(() => world.Perform(application, action));

        ex.Message.ShouldBe($"申报当前为“{CampaignApplication.StateName(from)}”，不能{CampaignApplication.ActionName(action)}。");
        ex.Clause.ShouldNotBeNullOrEmpty();
        application.State.ShouldBe(from);
        application.History.Count.ShouldBe(historyBefore);
    }

    [Fact]
    [Trait("Clause", "A8")]
    public void A8_Transition_table_covers_every_state_and_action()
    {
        var reachable = CampaignApplication.Transitions.Values.Append(ApplicationState.Draft).ToHashSet();
        reachable.ShouldBe(Enum.GetValues<ApplicationState>().ToHashSet(), ignoreOrder: true);
        CampaignApplication.Transitions.Keys.Select(k => k.Action).ToHashSet()
            .ShouldBe(Enum.GetValues<ApplicationAction>().ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_Happy_path_certifies_with_document_and_plaque_numbers_and_keeps_history()
    {
        var world = new CampaignWorld();

        var application = world.ApplicationIn(ApplicationState.Certified);

        application.CertificationDocumentNumber.ShouldBe("甘人社通〔2025〕1号");
        application.PlaqueNumber.ShouldBe("GS-2025-001");
        application.CertifiedOn.ShouldNotBeNull();
        application.History.Select(h => h.Action).ShouldBe(
        [
            ApplicationAction.Submit, ApplicationAction.CountyForward, ApplicationAction.CityRecommend,
            ApplicationAction.ForwardToProvince, ApplicationAction.Propose, ApplicationAction.Certify,
        ]);
        application.ScoreSheets.Select(s => s.Level).ShouldBe(
            [ReviewLevel.Self, ReviewLevel.County, ReviewLevel.City, ReviewLevel.Province], ignoreOrder: true);
        application.ScoreSheets.ShouldAllBe(s => s.IsLocked);
    }
}
