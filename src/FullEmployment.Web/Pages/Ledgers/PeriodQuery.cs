using FullEmployment.Domain;
using FullEmployment.Domain.Ledgers;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// The period picker's values, resolved by <see cref="AssessmentPeriod.ForRequest"/>. An end before the start is an
/// error to show, and the default period of the application date is used instead.
/// </summary>
public static class PeriodQuery
{
    public static (AssessmentPeriod Period, DateOnly ApplicationDate, string? Error) Resolve(DateOnly? from, DateOnly? to, DateOnly? on, DateOnly today)
    {
        try
        {
            var (period, applicationDate) = AssessmentPeriod.ForRequest(from, to, on, today);
            return (period, applicationDate, null);
        }
        catch (DomainException ex)
        {
            var (period, applicationDate) = AssessmentPeriod.ForRequest(null, null, on, today);
            return (period, applicationDate, ex.Message + "，已改用默认考核期。");
        }
    }
}
