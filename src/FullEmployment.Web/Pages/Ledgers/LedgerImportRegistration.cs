using FullEmployment.Application.Ledgers.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FullEmployment.Web.Pages.Ledgers;

/// <summary>
/// The import's file limit from configuration (Ledgers:MaxImportMb, default 50; docs/operations.md), the request
/// body limits of the import page and endpoints that follow it, and the background worker.
/// </summary>
public static class LedgerImportRegistration
{
    /// <summary>
    /// Requests may be larger than the file limit (multipart framing, and above it so the import itself answers an
    /// oversized file in Chinese), and never below the 200 MB the upload routes always took.
    /// </summary>
    public static long UploadBodyLimit(LedgerImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Max(200L * 1024 * 1024, options.MaxFileBytes + (16L * 1024 * 1024));
    }

    /// <summary>Before AddFullEmploymentApplication, whose defaults yield to these.</summary>
    public static IServiceCollection AddLedgerImportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new LedgerImportOptions { MaxFileBytes = configuration.GetValue("Ledgers:MaxImportMb", 50L) * 1024 * 1024 };
        services.AddSingleton(options);
        services.AddHostedService<LedgerImportWorker>();
        var limit = UploadBodyLimit(options);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageApplicationModelConvention("/Ledgers/Import", page =>
        {
            page.Filters.Add(new RequestSizeLimitAttribute(limit));
            page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
        }));
        return services;
    }
}
