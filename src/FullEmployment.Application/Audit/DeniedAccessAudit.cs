using FullEmployment.Application.Data;
using Microsoft.Extensions.DependencyInjection;

namespace FullEmployment.Application.Audit;

/// <summary>Audits a refused request in its own unit of work: the request's own unsaved changes, if any, are abandoned.</summary>
public sealed class DeniedAccessAudit(IServiceScopeFactory scopes)
{
    /// <param name="request">Method and path, e.g. "GET /Ledgers/620102001001".</param>
    public async Task RecordAsync(string request, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("access.denied", "path", request, null, after: new { reason });
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }
}
