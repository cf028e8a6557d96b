using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// The period picker's values: both dates given → that period; otherwise the default twelve full months
/// before the application date (AssessmentPeriod.DefaultFor). An end before the start is an error to show.
/// </summary>
public static class PeriodQuery
{
    public static (AssessmentPeriod Period, string? Error) Resolve(DateOnly? from, DateOnly? to, DateOnly applicationDate)
    {
        if (from is not { } start || to is not { } end)
        {
            return (AssessmentPeriod.DefaultFor(applicationDate), null);
        }

        try
        {
            return (new AssessmentPeriod(start, end), null);
        }
        catch (DomainException ex)
        {
            return (AssessmentPeriod.DefaultFor(applicationDate), ex.Message + "，已改用默认考核期。");
        }
    }
}
