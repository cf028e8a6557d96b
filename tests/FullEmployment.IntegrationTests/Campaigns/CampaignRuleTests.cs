using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;
using FullEmployment.Domain.Campaigns;
using FullEmployment.Domain.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using static FullEmployment.IntegrationTests.Campaigns.CampaignData;

namespace FullEmployment.IntegrationTests.Campaigns;

/// <summary>Role, region, state, deadline, quota, gate and notice rules, enforced by the use cases on both providers.</summary>
public sealed class CampaignRuleTests
{
    [DatabaseTheory]
    public async Task Every_stage_refuses_the_wrong_role(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var draft = await s.DraftAsync();
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.Submission(Roles.CountyOfficer, Chengguan, w => w.SubmitAsync(new ActionInput(draft.Id, draft.Version))));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.Submission(Roles.CityOfficer, Lanzhou, w => w.StartAsync(new StartApplicationInput(s.CampaignId))));
        await Should.ThrowAsync<ForbiddenException>(() => factory.As<CampaignAdministration, CampaignView>(Roles.CityOfficer, Lanzhou,
            c => c.CreateAsync(CampaignScenario.Provincial2025 with { CreationYear = 2027 })));

        var prepared = await s.CountyPreparedAsync(Caochang);
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.AtCounty(Roles.CommunityStaff, Caochang, w => w.ForwardAsync(new ActionInput(prepared.Id, prepared.Version))));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.AtCounty(Roles.CityOfficer, Lanzhou, w => w.ForwardAsync(new ActionInput(prepared.Id, prepared.Version))));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.Queries(Roles.Auditor, Province, w => w.GetAsync(prepared.Id)));

        var forwarded = await s.AtCounty(Roles.CountyOfficer, Chengguan, w => w.ForwardAsync(new ActionInput(prepared.Id, prepared.Version)));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.AtCity(Roles.CountyOfficer, Chengguan, w => w.RecommendAsync(new ActionInput(forwarded.Id, forwarded.Version))));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.AtCity(Roles.ProvinceOfficer, Province, w => w.RecommendAsync(new ActionInput(forwarded.Id, forwarded.Version))));
    }

    [DatabaseTheory]
    public async Task Another_region_can_neither_read_nor_act(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var submitted = await s.SubmittedAsync();

        // Reads outside scope are 404, writes are 403.
        await Should.ThrowAsync<NotFoundException>(() => s.Queries(Roles.CountyOfficer, Qilihe, w => w.GetAsync(submitted.Id)));
        await Should.ThrowAsync<NotFoundException>(() => s.Queries(Roles.CommunityStaff, Caochang, w => w.GetAsync(submitted.Id)));
        await Should.ThrowAsync<NotFoundException>(() => s.Queries(Roles.CityOfficer, "620200", w => w.GetAsync(submitted.Id)));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.AtCounty(Roles.CountyOfficer, Qilihe, w => w.ReturnForCorrectionAsync(
                new ReturnInput(submitted.Id, submitted.Version, new DateOnly(2025, 3, 20), "请补充材料"))));
        await Should.ThrowAsync<ForbiddenException>(() =>
            s.Submission(Roles.CommunityStaff, Caochang, w => w.WithdrawAsync(new ActionInput(submitted.Id, submitted.Version))));
        var list = await s.Queries(Roles.CountyOfficer, Qilihe, w => w.ListAsync(new ApplicationFilter(s.CampaignId), new PageRequest()));
        list.Total.ShouldBe(0);
    }

    [DatabaseTheory]
    public async Task Wrong_state_and_stale_version_are_refused(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var draft = await s.DraftAsync();
        var refused = await Should.ThrowAsync<DomainException>(() =>
            s.AtCounty(Roles.CountyOfficer, Chengguan, w => w.ForwardAsync(new ActionInput(draft.Id, draft.Version))));
        refused.Clause.ShouldBe("A8.2");
        refused.Message.ShouldContain("草稿");

        await Should.ThrowAsync<DomainException>(() =>
            s.Submission(Roles.CommunityStaff, Donggang, w => w.StartAsync(new StartApplicationInput(s.CampaignId))));

        var submitted = await s.Submission(Roles.CommunityStaff, Donggang, w => w.SubmitAsync(new ActionInput(draft.Id, draft.Version)));
        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            s.Submission(Roles.CommunityStaff, Donggang, w => w.WithdrawAsync(new ActionInput(draft.Id, draft.Version))));
        var withdrawn = await s.Submission(Roles.CommunityStaff, Donggang, w => w.WithdrawAsync(new ActionInput(submitted.Id, submitted.Version)));
        withdrawn.State.ShouldBe(ApplicationState.Withdrawn);
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.2")]
    [Trait("Clause", "A8")]
    public async Task A8_2_The_view_offers_each_reader_the_actions_the_server_accepts_now(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var prepared = await s.CountyPreparedAsync();
        var county = await s.Queries(Roles.CountyOfficer, Chengguan, w => w.GetAsync(prepared.Id));
        county.Options.Actions.Select(p => p.Action).ShouldBe(
            [ApplicationAction.ReturnForCorrection, ApplicationAction.CountyForward, ApplicationAction.CountyReject, ApplicationAction.Disqualify],
            ignoreOrder: true);
        county.Options.Actions.ShouldAllBe(p => !p.LateReasonRequired);
        county.Options.ScoringLevel.ShouldBe(ReviewLevel.County);
        county.Options.MayInspect.ShouldBeTrue();
        (await s.Queries(Roles.ProvinceOfficer, Province, w => w.GetAsync(prepared.Id))).Options.Actions.Select(p => p.Action)
            .ShouldBe([ApplicationAction.Disqualify]);

        s.SetChinaTime(2025, 6, 1, 0, 0);
        (await s.Queries(Roles.CountyOfficer, Chengguan, w => w.GetAsync(prepared.Id))).Options.Actions.Select(p => p.Action)
            .ShouldBe([ApplicationAction.Disqualify]);
        var province = await s.Queries(Roles.ProvinceOfficer, Province, w => w.GetAsync(prepared.Id));
        province.Options.Actions.Single(p => p.Action == ApplicationAction.CountyForward)
            .ShouldBe(new PermittedAction(ApplicationAction.CountyForward, new StageDeadline("县区初审", new DateOnly(2025, 5, 31)), true));
        province.OverriderName.ShouldBe("省人社厅");
    }

    [DatabaseTheory]
    [Trait("Clause", "A8")]
    public async Task A8_After_a_stage_deadline_only_the_province_acts_and_only_with_a_reason(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var prepared = await s.CountyPreparedAsync();
        s.SetChinaTime(2025, 6, 1, 0, 0);

        var late = await Should.ThrowAsync<DomainException>(() =>
            s.AtCounty(Roles.CountyOfficer, Chengguan, w => w.ForwardAsync(new ActionInput(prepared.Id, prepared.Version))));
        late.Message.ShouldContain("省人社厅填写延期理由");
        await Should.ThrowAsync<ForbiddenException>(() => s.AtCounty(Roles.CountyOfficer, Chengguan,
            w => w.ForwardAsync(new ActionInput(prepared.Id, prepared.Version, OverrideReason: "县区自行延期"))));

        var forwarded = await s.AtCounty(Roles.ProvinceOfficer, Province,
            w => w.ForwardAsync(new ActionInput(prepared.Id, prepared.Version, OverrideReason: "受疫情影响，经厅务会同意延期一周")));
        forwarded.State.ShouldBe(ApplicationState.ForwardedToCity);
        var view = await s.ViewAsync(forwarded.Id);
        view.History.Last().OverrideReason.ShouldBe("受疫情影响，经厅务会同意延期一周");
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_The_city_cannot_recommend_beyond_its_quota(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        await s.RecommendedAsync(Donggang);
        await s.RecommendedAsync(Caochang);
        var third = await s.CityScoredAsync(Xizhan, Qilihe);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            s.AtCity(Roles.CityOfficer, Lanzhou, w => w.RecommendAsync(new ActionInput(third.Id, third.Version))));
        refused.Message.ShouldContain("名额上限2个");
        (await s.ViewAsync(third.Id)).State.ShouldBe(ApplicationState.ForwardedToCity);
        (await s.CityListAsync()).Entries.Count.ShouldBe(2);
    }

    [DatabaseTheory]
    [Trait("Clause", "A5")]
    public async Task A5_Gates_and_eligibility_are_enforced(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();

        // A5.1.1: no municipal title filed with the province.
        var ineligible = await Should.ThrowAsync<DomainException>(() =>
            s.Submission(Roles.CommunityStaff, Yuanjiu, w => w.StartAsync(new StartApplicationInput(s.CampaignId))));
        ineligible.Clause.ShouldBe("A5.1.1");

        // A5.1.4 gate: the county finds no qualified staff; the total still passes but the gate blocks forwarding.
        var prepared = await s.CountyPreparedAsync();
        var scored = await s.Scoring(Roles.CountyOfficer, Chengguan, w => w.ScoreAsync(new ScoreInput(prepared.Id, prepared.Version,
            ReviewLevel.County, [new ScoreEntry("1.4", 0, "现场核实专职人员均为兼职")])));
        var gate = await Should.ThrowAsync<DomainException>(() =>
            s.AtCounty(Roles.CountyOfficer, Chengguan, w => w.ForwardAsync(new ActionInput(scored.Id, scored.Version))));
        gate.Clause.ShouldBe("A5");
        gate.Message.ShouldContain("第1.4项");

        // A6: a judged item below full points needs a remark.
        await Should.ThrowAsync<DomainException>(() => s.Scoring(Roles.CountyOfficer, Chengguan, w => w.ScoreAsync(
            new ScoreInput(scored.Id, scored.Version, ReviewLevel.County, [new ScoreEntry("1.2", 2, null)]))));
    }

    [DatabaseTheory]
    [Trait("Clause", "A8.3")]
    public async Task A8_3_Objections_are_taken_until_24_00_of_the_last_day_and_sending_up_waits_for_answers(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var recommended = await s.RecommendedAsync();
        var list = await s.CityListAsync();
        list = await s.Lists(Roles.CityOfficer, Lanzhou, l => l.PublishNoticeAsync(
            new PublishNoticeInput(list.Id, list.Version, "推荐名单公示", new DateOnly(2025, 3, 3))));
        var noticeId = list.Notice!.Id;

        s.SetChinaTime(2025, 3, 7, 23, 59);
        await factory.As<PublicSite, ObjectionReceipt>(Roles.CommunityStaff, "x", p => p.SubmitObjectionAsync(
            new ObjectionSubmission(noticeId, recommended.Id, "李某", "0931-8123456", "反映情况")));
        await Should.ThrowAsync<DomainException>(() => factory.As<PublicSite, ObjectionReceipt>(Roles.CommunityStaff, "x",
            p => p.SubmitObjectionAsync(new ObjectionSubmission(noticeId, recommended.Id, "", "", "匿名反映"))));

        s.SetChinaTime(2025, 3, 8, 0, 0);
        var late = await Should.ThrowAsync<DomainException>(() => factory.As<PublicSite, ObjectionReceipt>(Roles.CommunityStaff, "x",
            p => p.SubmitObjectionAsync(new ObjectionSubmission(noticeId, recommended.Id, "张某", "13900001111", "逾期异议"))));
        late.Message.ShouldContain("不再受理异议");

        list = await s.CityListAsync();
        var pending = await Should.ThrowAsync<DomainException>(() =>
            s.Lists(Roles.CityOfficer, Lanzhou, l => l.SendUpAsync(new SendUpInput(list.Id, list.Version))));
        pending.Message.ShouldContain("1条异议未答复");

        // Upheld: the candidate leaves the list.
        list = await s.Lists(Roles.CityOfficer, Lanzhou, l => l.AnswerObjectionAsync(
            new AnswerObjectionInput(list.Id, list.Version, list.Objections.Single().Id, Uphold: true, "经核实，异议成立")));
        list.Entries.ShouldBeEmpty();
        (await s.ViewAsync(recommended.Id)).State.ShouldBe(ApplicationState.RemovedByObjection);
        var past = await factory.As<PublicSite, IReadOnlyList<PublicNoticeView>>(Roles.CommunityStaff, "x", p => p.PastNoticesAsync());
        past.Single().Id.ShouldBe(noticeId);
    }

    [DatabaseTheory]
    [Trait("Clause", "A4.2")]
    public async Task A4_2_A_second_provincial_campaign_in_the_cycle_needs_a_reason_and_A19_warns(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var clash = await Should.ThrowAsync<DomainException>(() =>
            s.ProvinceCampaigns(c => c.CreateAsync(CampaignScenario.Provincial2025 with { CreationYear = 2026 })));
        clash.Clause.ShouldBe("A4.2");

        var late = CampaignScenario.Provincial2025 with
        {
            CreationYear = 2026,
            CycleOverrideReason = "国家部署加快进度",
            Deadlines = new StageDeadlines(new DateOnly(2028, 6, 30), new DateOnly(2028, 7, 31), new DateOnly(2028, 8, 31), new DateOnly(2028, 9, 30)),
        };
        var view = await s.ProvinceCampaigns(c => c.CreateAsync(late));
        view.CycleOverrideReason.ShouldBe("国家部署加快进度");
        view.ValidityWarning.ShouldNotBeNull().ShouldContain("有效期");
    }

    [DatabaseTheory]
    [Trait("Clause", "A16")]
    public async Task A16_Disqualifying_a_recommended_candidate_drops_it_from_the_list(Database database)
    {
        await using var factory = CampaignData.Start(database);

        var s = await new CampaignScenario(factory).PublishAsync();
        var recommended = await s.RecommendedAsync();
        var result = await s.AtProvince(Roles.ProvinceOfficer, Province, w => w.DisqualifyAsync(
            new DisqualifyInput(recommended.Id, recommended.Version, "台账虚报就业", "核查报告第3页")));
        result.State.ShouldBe(ApplicationState.Disqualified);
        (await s.CityListAsync()).Entries.ShouldBeEmpty();
        await Should.ThrowAsync<DomainException>(() =>
            s.Submission(Roles.CommunityStaff, Donggang, w => w.StartAsync(new StartApplicationInput(s.CampaignId))));
    }

    [DatabaseTheory(Database.Sqlite)]
    public async Task Evidence_is_checked_by_its_bytes_and_kept_outside_the_web_root(Database database)
    {
        await using var factory = CampaignData.Start(database);
        var s = await new CampaignScenario(factory).PublishAsync();
        var draft = await s.DraftAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var result = await s.Submission(Roles.CommunityStaff, Donggang, w => w.UploadEvidenceAsync(
            new EvidenceInput(draft.Id, draft.Version, new FileUpload("服务大厅.png", new MemoryStream(png)))));
        var view = await s.ViewAsync(result.Id);
        view.Evidence.Single().ContentType.ShouldBe("image/png");

        var disguised = await Should.ThrowAsync<DomainException>(() => s.Submission(Roles.CommunityStaff, Donggang, w => w.UploadEvidenceAsync(
            new EvidenceInput(result.Id, result.Version, new FileUpload("制度.pdf", new MemoryStream("MZ executable"u8.ToArray()))))));
        disguised.Message.ShouldContain("不受支持");
        await Should.ThrowAsync<DomainException>(() => s.Submission(Roles.CommunityStaff, Donggang, w => w.UploadEvidenceAsync(
            new EvidenceInput(result.Id, result.Version, new FileUpload("照片.pdf", new MemoryStream(png))))));
        await Should.ThrowAsync<DomainException>(() => s.Submission(Roles.CommunityStaff, Donggang, w => w.UploadEvidenceAsync(
            new EvidenceInput(result.Id, result.Version, new FileUpload("大.pdf", new MemoryStream(new byte[FileStore.MaxBytes + 1]))))));
    }
}
