using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.Domain.Notices;

namespace FullEmployment.UnitTests.Campaigns;

/// <summary>
/// A8.3, A8.4: whether a list may be sent up now and why not, and who may send it up (the owner before the stage deadline,
/// the organiser with a reason after it): the domain's answer the list page shows and <see cref="CandidateList.SendUp"/> enforces.
/// </summary>
public sealed class ListSendUpTests
{
    private static readonly CampaignActor City = new(Roles.CityOfficer, CampaignWorld.Lanzhou);
    private static readonly CampaignActor Province = new(Roles.ProvinceOfficer, CampaignWorld.Province);

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_The_blocker_names_what_is_missing_and_SendUp_refuses_with_the_same_words()
    {
        var world = new CampaignWorld();
        world.CityList.SendUpBlocker(world.Now).ShouldBe("名单中还没有社区。");

        world.ApplicationIn(ApplicationState.Recommended);
        var unpublished = world.CityList.SendUpBlocker(world.Now);
        unpublished.ShouldBe($"名单尚未公示，须先公示不少于{PublicNotice.MinimumWorkingDays}个工作日。");
        Should.Throw<DomainException>(() => world.CityList.SendUp(world.Now)).Message.ShouldBe(unpublished);

        var notice = world.CityList.PublishNotice("名单公示", world.Today, PublicNotice.MinimumWorkingDays, CampaignWorld.Calendar);
        var open = world.CityList.SendUpBlocker(world.Now);
        open.ShouldBe($"公示期至{ChinaTime.Format(notice.LastDay)}24时结束，公示期满前不能报送。");
        Should.Throw<DomainException>(() => world.CityList.SendUp(world.Now)).Message.ShouldBe(open);

        world.Clock.SetUtcNow(notice.ClosesAt);
        world.CityList.SendUpBlocker(world.Now).ShouldBeNull();
        world.CityList.SendUp(world.Now);
        world.CityList.SendUpBlocker(world.Now).ShouldBe("名单已报送，公示已结束。");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    [Trait("Clause", "A8")]
    public void A8_3_The_city_sends_its_list_up_until_its_deadline_then_only_the_province_with_a_reason()
    {
        var world = new CampaignWorld();
        var list = world.CityList;

        list.SendUpPermit(City, world.Campaign, world.Now).ShouldBe(new StagePermit(list.Deadline(world.Campaign), false));
        list.SendUpPermit(Province, world.Campaign, world.Now).ShouldBeNull();
        list.SendUpPermit(new CampaignActor(Roles.CityOfficer, CampaignWorld.Jiayuguan), world.Campaign, world.Now).ShouldBeNull();
        list.IsOwnedBy(City, world.Campaign).ShouldBeTrue();
        list.IsOwnedBy(Province, world.Campaign).ShouldBeFalse();

        world.Clock.SetUtcNow(CampaignWorld.At(2025, 7, 1, 0, 0));
        list.SendUpPermit(City, world.Campaign, world.Now).ShouldBeNull();
        list.SendUpPermit(Province, world.Campaign, world.Now).ShouldBe(new StagePermit(new StageDeadline("市州评定", new DateOnly(2025, 6, 30)), true));
        list.RefusalOf(Province, world.Campaign, world.Now, "延期理由").ShouldBeNull();
        list.RefusalOf(City, world.Campaign, world.Now, "延期理由").ShouldBe("超过阶段截止日期办理须由省人社厅填写延期理由，其他角色不能填写。");
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_Only_the_final_list_once_sent_up_offers_certification_to_the_organiser()
    {
        var world = new CampaignWorld();
        world.ApplicationIn(ApplicationState.Proposed);
        world.ProposedList.CertifyPermit(Province, world.Campaign, world.Now).ShouldBeNull();

        world.SendUp(world.ProposedList);

        world.ProposedList.CertifyPermit(Province, world.Campaign, world.Now).ShouldBe(new StagePermit(world.ProposedList.Deadline(world.Campaign), false));
        world.ProposedList.CertifyPermit(City, world.Campaign, world.Now).ShouldBeNull();
        world.CityList.CertifyPermit(Province, world.Campaign, world.Now).ShouldBeNull();
    }
}
