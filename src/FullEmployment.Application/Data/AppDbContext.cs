using FullEmployment.Application.Audit;
using FullEmployment.Application.Common;
using FullEmployment.Application.Identity;
using FullEmployment.Application.Ledgers.Data;
using FullEmployment.Domain.Communities;
using FullEmployment.Domain.Funds;
using FullEmployment.Domain.Regions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FullEmployment.Application.Data;

public sealed class AppDbContext : IdentityUserContext<AppUser>, IDataProtectionKeyContext
{
    private readonly AuditTrail? _audit;
    private readonly AuditKey? _auditKey;

    public AppDbContext(DbContextOptions<AppDbContext> options, AuditTrail? audit = null, AuditKey? auditKey = null) : base(options)
    {
        _audit = audit;
        _auditKey = auditKey;
        PersonalData = options.FindExtension<PersonalDataOptionsExtension>()?.Keys
            ?? throw new InvalidOperationException("The context options carry no personal-data key ring (DatabaseRegistration.Configure).");
    }

    /// <summary>The key ring that seals ID numbers and phones and computes their blind index (ADR 0016).</summary>
    public PersonalDataKeys PersonalData { get; }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Title> Titles => Set<Title>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SecondFactorEnrolment> SecondFactorEnrolments => Set<SecondFactorEnrolment>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FundSettings> FundSettings => Set<FundSettings>();
    public DbSet<FundAllocation> FundAllocations => Set<FundAllocation>();
    public DbSet<FundAllocationLine> FundAllocationLines => Set<FundAllocationLine>();
    public DbSet<FundExclusion> FundExclusions => Set<FundExclusion>();
    public DbSet<FundReport> FundReports => Set<FundReport>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no offset type: store UTC ticks so instants sort and compare in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        PersonalDataMapping.ApplyConverters(builder, PersonalData);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the change and its audit events in one transaction, bumping version columns and the version of every
    /// ledger it writes (<see cref="LedgerVersions"/>); a stale
    /// version becomes a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        BumpVersions();
        SetBlindIndexes();
        var events = _audit?.TakePending() ?? [];
        var ledgers = LedgerVersions.Touched(ChangeTracker);
        if (events.Count == 0 && ledgers.Count == 0)
        {
            return await SaveWithConflictCheck(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (events.Count > 0)
            {
                await AppendToChainAsync(events, cancellationToken);
            }

            await LedgerVersions.BumpAsync(this, ledgers, cancellationToken);
            var written = await SaveWithConflictCheck(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            foreach (var e in events)
            {
                Entry(e).State = EntityState.Detached;
            }

            _audit!.Restore(events);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private async Task<int> SaveWithConflictCheck(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ConcurrencyConflictException.DefaultMessage + $"（{ex.Entries.Count} 条记录冲突）");
        }
    }

    private async Task AppendToChainAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        var key = _auditKey ?? throw new InvalidOperationException("No audit key is registered: events cannot be sealed (AuditKey).");
        // Write first: this takes SQLite's write lock / PostgreSQL's row lock before the tip is read.
        var locked = await Database.ExecuteSqlRawAsync(
            "UPDATE audit_chain_head SET last_sequence = last_sequence WHERE id = 1", cancellationToken);
        if (locked == 0)
        {
            await Database.ExecuteSqlRawAsync(
                "INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, {0})",
                [AuditChainHead.GenesisHash], cancellationToken);
        }

        var head = await AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        await Entry(head).ReloadAsync(cancellationToken);
        foreach (var e in events)
        {
            e.Sequence = ++head.LastSequence;
            e.PreviousHash = head.LastHash;
            e.Seal(key);
            head.LastHash = e.Hash;
            AuditEvents.Add(e);
        }
    }

    /// <summary>The blind index follows its sealed value on every tracked write (the bulk writers compute their own).</summary>
    private void SetBlindIndexes()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var (source, index) in PersonalDataMapping.IndexPairs(entry.Metadata))
            {
                var value = entry.Property(source).CurrentValue is string text ? PersonalData.Index(text) : (long?)null;
                if (!Equals(entry.Property(index).CurrentValue, value))
                {
                    entry.Property(index).CurrentValue = value;
                }
            }
        }
    }

    private void BumpVersions()
    {
        var touchedCommunities = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Title t => t.CommunityId,
                NameChange n => n.CommunityId,
                _ => 0,
            })
            .Where(id => id != 0)
            .ToHashSet();

        foreach (var entry in ChangeTracker.Entries())
        {
            var version = entry.Metadata.FindProperty("Version");
            if (version is null || !version.IsConcurrencyToken)
            {
                continue;
            }

            var touched = entry.State == EntityState.Modified
                || (entry.Entity is Community c && touchedCommunities.Contains(c.Id) && entry.State == EntityState.Unchanged);
            if (touched)
            {
                var property = entry.Property("Version");
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }
    }
}
