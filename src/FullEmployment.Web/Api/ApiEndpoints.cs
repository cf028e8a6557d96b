namespace FullEmployment.Web.Api;

public static class ApiEndpoints
{
    /// <summary>JSON API under /api/v1 (documented at /openapi/v1.json). Every endpoint checks role and scope in the use case.</summary>
    public static IEndpointRouteBuilder MapFullEmploymentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        RegionsApi.Map(api);
        CommunitiesApi.Map(api.MapGroup("/communities").RequireAuthorization());
        CalendarApi.Map(api);
        CalendarYearsApi.Map(api);
        ScoreTemplatesApi.Map(api);
        CampaignsApi.Map(api);
        ChangesApi.Map(api);
        PublicApi.Map(api.MapGroup("/public"));
        LedgersApi.Map(api.MapGroup("/communities").RequireAuthorization());
        ReinspectionApi.Map(api);
        SupportRequestsApi.Map(api);
        FundsApi.Map(api);
        FundReportsApi.Map(api);
        return app;
    }
}
