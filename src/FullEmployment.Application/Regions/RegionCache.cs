using FullEmployment.Application.Data;
using FullEmployment.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Regions;

/// <summary>
/// The regions in code order, read once per process: they are reference data that <see cref="DatabaseInitializer"/>
/// writes once (docs/reference/regions.md) and nothing changes, yet every list page names them. An empty read (a database
/// not yet initialised) is not kept.
/// </summary>
public sealed class RegionCache
{
    private IReadOnlyList<Region>? _regions;

    public async Task<IReadOnlyList<Region>> AllAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Volatile.Read(ref _regions) is { } regions)
        {
            return regions;
        }

        var read = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        if (read.Count > 0)
        {
            Volatile.Write(ref _regions, read);
        }

        return read;
    }
}
