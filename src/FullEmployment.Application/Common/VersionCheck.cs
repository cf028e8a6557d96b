using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Common;

/// <summary>Optimistic concurrency for aggregates with a <c>Version</c> concurrency token (bumped in SaveChanges).</summary>
internal static class VersionCheck
{
    /// <summary>
    /// The version the user saw must still be current; EF then checks the loaded version again in the UPDATE, so a save
    /// between this load and ours is caught too. Null means the caller sent no version (the API's optional field): only the
    /// UPDATE's check applies.
    /// </summary>
    public static void ExpectVersion(this DbContext db, object aggregate, int? expected)
    {
        if (expected is { } version && (int)db.Entry(aggregate).Property("Version").CurrentValue! != version)
        {
            throw new ConcurrencyConflictException(ConcurrencyConflictException.DefaultMessage);
        }
    }
}
