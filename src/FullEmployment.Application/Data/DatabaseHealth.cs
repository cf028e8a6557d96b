namespace FullEmployment.Application.Data;

/// <summary>The readiness probe's question (/healthz): can the database be reached.</summary>
public sealed class DatabaseHealth(AppDbContext db)
{
    public Task<bool> CanConnectAsync(CancellationToken cancellationToken = default) => db.Database.CanConnectAsync(cancellationToken);
}
