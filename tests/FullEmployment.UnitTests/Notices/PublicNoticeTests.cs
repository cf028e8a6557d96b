using FullEmployment.Domain;
using FullEmployment.Domain.Notices;

namespace FullEmployment.UnitTests.Notices;

public class PublicNoticeTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromSeed();

    private static DateTimeOffset China(int y, int m, int d, int h, int min) =>
        new DateTimeOffset(y, m, d, h, min, 0, ChinaTime.Offset).ToUniversalTime();

    private static PublicNotice Notice() =>
        new(NoticeSubject.CityRecommendationList, "兰州市推荐名单公示", new DateOnly(2025, 9, 26), 5, Calendar);

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Notice_shorter_than_5_working_days_is_refused()
    {
        var ex = Should.Throw<DomainException>(() =>
            new PublicNotice(NoticeSubject.CityRecommendationList, "公示", new DateOnly(2025, 9, 26), 4, Calendar));
        ex.Clause.ShouldBe("A8.3");
    }

    [Fact]
    [Trait("Clause", "A8.4")]
    public void A8_4_Province_notice_shorter_than_5_working_days_is_refused()
    {
        var ex = Should.Throw<DomainException>(() =>
            new PublicNotice(NoticeSubject.ProvinceProposedList, "公示", new DateOnly(2025, 9, 26), 3, Calendar));
        ex.Clause.ShouldBe("A8.4");
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Notice_closes_at_24_00_China_time_of_its_last_working_day()
    {
        var notice = Notice();
        notice.LastDay.ShouldBe(new DateOnly(2025, 10, 9));
        notice.ClosesAt.ShouldBe(China(2025, 10, 10, 0, 0));
        notice.IsOpen(China(2025, 10, 9, 23, 59)).ShouldBeTrue();
        notice.IsOpen(China(2025, 10, 10, 0, 0)).ShouldBeFalse();
        notice.HasClosed(China(2025, 10, 10, 0, 0)).ShouldBeTrue();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Notice_is_not_open_before_its_start_date()
    {
        var notice = Notice();
        notice.IsOpen(China(2025, 9, 25, 23, 59)).ShouldBeFalse();
        notice.IsOpen(China(2025, 9, 26, 0, 0)).ShouldBeTrue();
        Should.Throw<DomainException>(() => notice.SubmitObjection(Guid.NewGuid(), "群众", "有异议", China(2025, 9, 25, 12, 0)));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Objection_is_accepted_at_23_59_China_time_on_the_last_day()
    {
        var notice = Notice();

        var objection = notice.SubmitObjection(Guid.NewGuid(), "群众", "台账不实", China(2025, 10, 9, 23, 59));

        objection.Status.ShouldBe(ObjectionStatus.Pending);
        notice.Objections.ShouldHaveSingleItem();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Objection_is_refused_at_00_00_the_next_day()
    {
        var notice = Notice();

        var ex = Should.Throw<DomainException>(() => notice.SubmitObjection(Guid.NewGuid(), "群众", "台账不实", China(2025, 10, 10, 0, 0)));

        ex.Message.ShouldContain("公示期已于2025年10月9日24时结束");
        notice.Objections.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_An_empty_objection_is_refused()
    {
        Should.Throw<DomainException>(() => Notice().SubmitObjection(Guid.NewGuid(), "群众", " ", China(2025, 9, 29, 9, 0)));
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Working_days_left_counts_today_and_skips_holidays()
    {
        var notice = Notice();
        notice.WorkingDaysLeft(China(2025, 9, 25, 9, 0), Calendar).ShouldBe(5);
        notice.WorkingDaysLeft(China(2025, 9, 27, 9, 0), Calendar).ShouldBe(4);
        notice.WorkingDaysLeft(China(2025, 9, 29, 9, 0), Calendar).ShouldBe(3);
        notice.WorkingDaysLeft(China(2025, 10, 5, 9, 0), Calendar).ShouldBe(1);
        notice.WorkingDaysLeft(China(2025, 10, 9, 23, 59), Calendar).ShouldBe(1);
        notice.WorkingDaysLeft(China(2025, 10, 10, 0, 0), Calendar).ShouldBe(0);
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Sending_up_needs_the_notice_closed_and_every_objection_answered()
    {
        var notice = Notice();
        notice.AllowsSendingUp(China(2025, 10, 9, 23, 59)).ShouldBeFalse();
        notice.SubmitObjection(Guid.NewGuid(), "群众", "台账不实", China(2025, 9, 29, 9, 0));
        notice.AllowsSendingUp(China(2025, 10, 10, 0, 0)).ShouldBeFalse();
        notice.AllObjectionsAnswered.ShouldBeFalse();
    }

    [Fact]
    [Trait("Clause", "A8.3")]
    public void A8_3_Notice_starting_in_an_unconfigured_year_is_refused()
    {
        Should.Throw<DomainException>(() =>
            new PublicNotice(NoticeSubject.CityRecommendationList, "公示", new DateOnly(2026, 12, 28), 5, Calendar))
            .Message.ShouldContain("2027年的工作日历尚未配置");
    }
}
