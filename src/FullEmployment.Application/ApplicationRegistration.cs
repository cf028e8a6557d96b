using FullEmployment.Application.Communities;
using FullEmployment.Application.Ledgers;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Application.Ledgers.Import;
using FullEmployment.Application.Regions;
using FullEmployment.Application.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FullEmployment.Application;

public static class ApplicationRegistration
{
    /// <summary>The use cases of every feature; Web and Cli both call these, never the DbContext directly.</summary>
    public static IServiceCollection AddFullEmploymentApplication(this IServiceCollection services)
    {
        services.AddScoped<RegionDirectory>();
        services.AddSingleton<RegionCache>();
        services.AddScoped<CommunityRegistry>();
        services.AddScoped<CommunityWorkbook>();
        services.AddScoped<DemoData>();
        services.AddScoped<CampaignDemoData>();
        services.AddScoped<ReinspectionDemoData>();
        services.AddScoped<ChangeReportDemoData>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Common.TodoList>();
        services.AddScoped<Common.FileStore>();
        services.AddScoped<Notices.WorkingCalendar>();
        services.AddScoped<Notices.PublicSite>();
        services.AddScoped<Notices.ObjectionRateLimiter>();
        services.AddScoped<Notices.Inbox>();
        services.AddScoped<Campaigns.IndicatorSnapshots>();
        services.AddScoped<Campaigns.ScoreTemplates>();
        services.AddScoped<Campaigns.CampaignAdministration>();
        services.AddScoped<Campaigns.ApplicationSteps>();
        services.AddScoped<Campaigns.ApplicationQueries>();
        services.AddScoped<Campaigns.ApplicationSubmission>();
        services.AddScoped<Campaigns.ApplicationScoring>();
        services.AddScoped<Campaigns.CountyReview>();
        services.AddScoped<Campaigns.CityReview>();
        services.AddScoped<Campaigns.ProvinceReview>();
        services.AddScoped<Campaigns.CandidateLists>();
        services.AddScoped<Campaigns.NationalRounds>();
        services.AddScoped<Campaigns.CampaignExports>();
        services.AddScoped<Common.ITodoSource, Campaigns.CampaignTodoSource>();
        services.AddScoped<Common.ITodoSource, Notices.CalendarTodoSource>();
        services.AddScoped<Supervision.Reinspections>();
        services.AddScoped<Common.ITodoSource, Supervision.ReinspectionTodoSource>();
        services.AddScoped<Supervision.ChangeReports>().AddScoped<Common.ITodoSource, Supervision.ChangeReportTodoSource>();
        services.AddScoped<Supervision.SupportRequests>();
        services.AddScoped<Common.ITodoSource, Supervision.SupportRequestTodoSource>();
        services.AddScoped<Funds.FundReports>().AddScoped<Common.ITodoSource, Funds.FundReportTodoSource>().AddScoped<FundReportDemoData>()
            .AddScoped<Common.ICommunityStatusSource, Funds.FundReportStatusSource>();
        services.AddScoped<SupportRequestDemoData>();
        services.AddScoped<Funds.FundAllocations>().AddScoped<FundAllocationDemoData>();
        services.AddScoped<Common.ICommunityStatusSource, Campaigns.ApplicationStatusSource>();
        services.AddScoped<Common.ICommunityStatusSource, Supervision.ReinspectionStatusSource>();
        services.AddScoped<Common.ICommunityStatusSource, Funds.FundAllocationStatusSource>();
        services.AddLedgers();
        return services;
    }

    /// <summary>Ledgers, indicators and integrity (A5, A16); the import limits may be replaced before this call.</summary>
    public static IServiceCollection AddLedgers(this IServiceCollection services)
    {
        services.TryAddSingleton(new LedgerImportOptions());
        services.TryAddSingleton<ILedgerBulkWriter, LedgerBulkWriter>();
        services.AddScoped<LedgerAccess>();
        services.AddScoped<LedgerImports>();
        services.TryAddSingleton<LedgerImportQueue>();
        services.AddScoped<LedgerImportJobs>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<IndicatorResultStore>();
        services.AddScoped<IntegrityQueries>();
        services.AddScoped<LedgerGenerator>();
        return services;
    }
}
