using FullEmployment.Domain;
using FullEmployment.Domain.Notices;
using FullEmployment.Domain.Supervision;

namespace FullEmployment.UnitTests.Supervision;

public class SupportRequestTransitionTests
{
    private const string Actor = "测试人员";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromSeed();

    public static TheoryData<SupportRequestState, SupportRequestAction> LegalMoves()
    {
        var data = new TheoryData<SupportRequestState, SupportRequestAction>();
        foreach (var (from, action) in SupportRequest.Transitions.Keys)
        {
            data.Add(from, action);
        }

        return data;
    }

    public static TheoryData<SupportRequestState, SupportRequestAction> IllegalMoves()
    {
        var data = new TheoryData<SupportRequestState, SupportRequestAction>();
        foreach (var state in Enum.GetValues<SupportRequestState>())
        {
            foreach (var action in Enum.GetValues<SupportRequestAction>().Where(a => !SupportRequest.Transitions.ContainsKey((state, a))))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Clause", "A15")]
    [MemberData(nameof(LegalMoves))]
    public void A15_Every_legal_move_reaches_the_state_in_the_transition_table(SupportRequestState from, SupportRequestAction action)
    {
        var request = RequestIn(from);

        Perform(request, action);

        request.State.ShouldBe(SupportRequest.Transitions[(from, action)]);
        var last = request.History[^1];
        last.Action.ShouldBe(action);
        last.From.ShouldBe(from);
        last.To.ShouldBe(request.State);
        last.Actor.ShouldBe(Actor);
    }

    [Theory]
    [Trait("Clause", "A15")]
    [MemberData(nameof(IllegalMoves))]
    public void A15_Every_illegal_move_is_refused_with_a_Chinese_message_naming_the_state(SupportRequestState from, SupportRequestAction action)
    {
        var request = RequestIn(from);
        var historyBefore = request.History.Count;

        var ex = Should.Throw<DomainException>(() => Perform(request, action));

        ex.Message.ShouldBe($"诉求当前为“{SupportRequest.StateName(from)}”，不能{SupportRequest.ActionName(action)}。");
        ex.Clause.ShouldBe("A15");
        request.State.ShouldBe(from);
        request.History.Count.ShouldBe(historyBefore);
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_Transition_table_reaches_every_state_and_uses_every_action()
    {
        SupportRequest.Transitions.Values.Append(SupportRequestState.AwaitingAnswer).ToHashSet()
            .ShouldBe(Enum.GetValues<SupportRequestState>().ToHashSet(), ignoreOrder: true);
        SupportRequest.Transitions.Keys.Select(k => k.Action).ToHashSet()
            .ShouldBe(Enum.GetValues<SupportRequestAction>().ToHashSet(), ignoreOrder: true);
        SupportRequest.ActorOf.Keys.ShouldBe(Enum.GetValues<SupportRequestAction>(), ignoreOrder: true);
    }

    [Theory]
    [Trait("Clause", "A15")]
    [InlineData(SupportRequestState.AwaitingAnswer, SupportActor.Responder, new[] { SupportRequestAction.Answer })]
    [InlineData(SupportRequestState.AwaitingAnswer, SupportActor.Community, new SupportRequestAction[0])]
    [InlineData(SupportRequestState.Answered, SupportActor.Community, new[] { SupportRequestAction.ConfirmResolved, SupportRequestAction.Reopen })]
    [InlineData(SupportRequestState.Answered, SupportActor.Responder, new SupportRequestAction[0])]
    [InlineData(SupportRequestState.Resolved, SupportActor.Community, new SupportRequestAction[0])]
    [InlineData(SupportRequestState.Resolved, SupportActor.Responder, new SupportRequestAction[0])]
    [InlineData(SupportRequestState.AwaitingAnswer, SupportActor.None, new SupportRequestAction[0])]
    [InlineData(SupportRequestState.Answered, SupportActor.None, new SupportRequestAction[0])]
    public void A15_Options_name_only_the_actors_own_legal_moves(SupportRequestState state, SupportActor actor, SupportRequestAction[] expected)
    {
        RequestIn(state).OptionsFor(actor).ShouldBe(expected);
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_Answer_records_measures_and_departments_and_the_answer_date()
    {
        var request = RequestIn(SupportRequestState.AwaitingAnswer);

        request.Answer("  协调区财政局拨付补贴  ", "区财政局、街道办", "城关区人社局", Now, Today);

        request.Measures.ShouldBe("协调区财政局拨付补贴");
        request.CoordinatedDepartments.ShouldBe("区财政局、街道办");
        request.AnsweredBy.ShouldBe("城关区人社局");
        request.AnsweredOn.ShouldBe(Today);
    }

    [Theory]
    [Trait("Clause", "A15")]
    [InlineData("", "区财政局", "请填写采取的措施。")]
    [InlineData("措施", " ", "请填写协调的部门。")]
    public void A15_An_answer_without_measures_or_departments_is_refused(string measures, string departments, string message)
    {
        var request = RequestIn(SupportRequestState.AwaitingAnswer);

        Should.Throw<DomainException>(() => request.Answer(measures, departments, Actor, Now, Today)).Message.ShouldBe(message);
        request.State.ShouldBe(SupportRequestState.AwaitingAnswer);
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_Reopening_needs_a_reason_and_starts_a_new_answer_period()
    {
        var request = RequestIn(SupportRequestState.Answered);
        Should.Throw<DomainException>(() => request.Reopen(" ", Due(new DateOnly(2026, 6, 10)), Actor, Now)).Message.ShouldBe("请填写重新提出的理由。");

        request.Reopen("补贴仍未到位", Due(new DateOnly(2026, 6, 10)), Actor, Now);

        request.State.ShouldBe(SupportRequestState.AwaitingAnswer);
        request.RaisedOn.ShouldBe(new DateOnly(2026, 6, 10));
        request.DueOn.ShouldBe(new DateOnly(2026, 6, 25)); // 10 working days after 06-10, the Dragon Boat holiday 06-19 off
        request.ReopenCount.ShouldBe(1);
    }

    [Fact]
    [Trait("Clause", "A15")]
    public void A15_A_request_needs_a_description_of_at_most_2000_characters_and_a_known_category()
    {
        Should.Throw<DomainException>(() => New(description: "  ")).Message.ShouldBe("请填写困难描述。");
        Should.Throw<DomainException>(() => New(description: new string('难', 2001))).Message.ShouldBe("困难描述不能超过2000字。");
        Should.Throw<DomainException>(() => New(category: (SupportCategory)99)).Message.ShouldBe("请选择诉求类别。");
    }

    [Theory]
    [Trait("Clause", "A15")]
    [InlineData(SupportCategory.PolicyImplementation, "政策落实")]
    [InlineData(SupportCategory.Funding, "资金")]
    [InlineData(SupportCategory.Staffing, "人员")]
    [InlineData(SupportCategory.PremisesAndEquipment, "场地设备")]
    [InlineData(SupportCategory.InformationSystem, "信息系统")]
    [InlineData(SupportCategory.Other, "其他")]
    public void A15_The_six_categories_carry_the_issue_names(SupportCategory category, string name)
    {
        SupportRequest.CategoryName(category).ShouldBe(name);
        Enum.GetValues<SupportCategory>().Length.ShouldBe(6);
    }

    [Theory]
    [Trait("Clause", "A15")]
    [InlineData(SupportRequestState.AwaitingAnswer, "2026-06-15", "2026-06-15", false)] // the last day itself is not late
    [InlineData(SupportRequestState.AwaitingAnswer, "2026-06-15", "2026-06-16", true)]
    [InlineData(SupportRequestState.Answered, "2026-06-15", "2026-06-30", false)] // the responders acted; the community's turn
    [InlineData(SupportRequestState.Resolved, "2026-06-15", "2026-06-30", false)]
    [InlineData(SupportRequestState.AwaitingAnswer, null, "2026-06-30", false)] // no due date while the calendar is missing
    public void A15_Overdue_means_waiting_for_an_answer_after_the_last_day(SupportRequestState state, string? due, string today, bool overdue)
    {
        SupportRequest.IsOverdue(state, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(overdue);
    }

    private static SupportDueDate Due(DateOnly from) => SupportDueDate.Compute(Calendar, from, SupportRequest.DefaultDueWorkingDays);

    private static SupportRequest New(string description = "公益性岗位补贴未到位", SupportCategory category = SupportCategory.Funding) =>
        new(1, "620102001001", "东岗社区", "620100", "620102", category, description, Due(Today), Actor, Now);

    private static SupportRequest RequestIn(SupportRequestState state)
    {
        var request = New();
        if (state is SupportRequestState.Answered or SupportRequestState.Resolved)
        {
            request.Answer("已协调", "区财政局", Actor, Now, Today);
        }

        if (state == SupportRequestState.Resolved)
        {
            request.ConfirmResolved(null, Actor, Now, Today);
        }

        request.State.ShouldBe(state);
        return request;
    }

    private static void Perform(SupportRequest request, SupportRequestAction action)
    {
        switch (action)
        {
            case SupportRequestAction.Answer:
                request.Answer("已协调区财政局拨付", "区财政局", Actor, Now, Today);
                break;
            case SupportRequestAction.ConfirmResolved:
                request.ConfirmResolved("已到位", Actor, Now, Today);
                break;
            default:
                request.Reopen("仍未解决", Due(Today), Actor, Now);
                break;
        }
    }
}
