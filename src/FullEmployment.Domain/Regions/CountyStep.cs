using System.Linq.Expressions;
using FullEmployment.Domain.Identity;

namespace FullEmployment.Domain.Regions;

/// <summary>
/// Who does a community's county step (A8.2, and the registry and ledgers kept at that level): its county's officers, or
/// the city's where the city has no counties (嘉峪关市).
/// </summary>
public static class CountyStep
{
    /// <summary>The region that does the county step: the county, or the city without counties.</summary>
    public static string RegionOf(string cityCode, string? countyCode) => countyCode ?? cityCode;

    /// <summary>The role of the county step's officers.</summary>
    public static string OfficerRole(string? countyCode) => countyCode is null ? Roles.CityOfficer : Roles.CountyOfficer;

    /// <summary>Whether an actor with <paramref name="role"/> bound to <paramref name="scopeCode"/> is the county step's officer.</summary>
    public static bool IsOfficer(string? role, string? scopeCode, string cityCode, string? countyCode) =>
        role == OfficerRole(countyCode) && scopeCode == RegionOf(cityCode, countyCode);

    /// <summary><see cref="RegionOf"/> as a query expression over records with a city and an optional county (for database queries).</summary>
    public static Expression<Func<T, string>> RegionSelector<T>(Expression<Func<T, string>> city, Expression<Func<T, string?>> county)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(county);
        var record = city.Parameters[0];
        return Expression.Lambda<Func<T, string>>(Expression.Coalesce(Rebind(county, record), city.Body), record);
    }

    /// <summary>Records whose county step is done by <paramref name="regionCode"/> (<see cref="RegionOf"/>), as a query expression.</summary>
    public static Expression<Func<T, bool>> RegionIs<T>(string regionCode, Expression<Func<T, string>> city, Expression<Func<T, string?>> county)
    {
        var region = RegionSelector(city, county);
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(region.Body, Captured(regionCode)), region.Parameters[0]);
    }

    /// <summary>Records whose county step's officer is the actor (<see cref="IsOfficer"/>), as a query expression.</summary>
    public static Expression<Func<T, bool>> OfficerIs<T>(string? role, string? scopeCode, Expression<Func<T, string>> city,
        Expression<Func<T, string?>> county)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(county);
        var record = city.Parameters[0];
        var countyOf = Rebind(county, record);
        var scope = Captured(scopeCode);
        Expression body = role switch
        {
            Roles.CountyOfficer => Expression.Equal(countyOf, scope),
            Roles.CityOfficer => Expression.AndAlso(Expression.Equal(countyOf, Expression.Constant(null, typeof(string))),
                Expression.Equal(city.Body, scope)),
            _ => Expression.Constant(false),
        };
        return Expression.Lambda<Func<T, bool>>(body, record);
    }

    // A closure member, so that a query sends the value as a parameter rather than as SQL text.
    private static Expression Captured(string? value) => ((Expression<Func<string?>>)(() => value)).Body;

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression record) => new ParameterSwap(lambda.Parameters[0], record).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
