namespace FullEmployment.Application.Campaigns;

/// <summary>
/// The application form's data beside the workflow aggregate (A8.1): what the community fills in, its narrative,
/// and the indicator snapshot frozen at submission. Stored as JSON so the form can grow without a migration.
/// </summary>
public sealed class ApplicationDossier
{
    public Guid ApplicationId { get; set; }

    /// <summary>The serialized <see cref="ApplicationForm"/>.</summary>
    public string FormJson { get; set; } = "{}";

    public Guid? NarrativeFileId { get; set; }

    /// <summary>The serialized <see cref="IndicatorSnapshot"/> taken at submission (A8.1); null before.</summary>
    public string? SnapshotJson { get; set; }

    public DateTimeOffset? SnapshotTakenAt { get; set; }
}
