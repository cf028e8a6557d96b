using FullEmployment.Application.Audit;
using FullEmployment.Application.Campaigns;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace FullEmployment.Application.Notices;

public sealed record MessageView(Guid Id, string Subject, string Body, string SenderName, DateTimeOffset SentAt, Guid? AttachmentFileId,
    string? AttachmentName, string? RelatedType, string? RelatedId);

/// <summary>In-system notices addressed to the actor's region or community (A7 campaign notices, certification results).</summary>
public sealed class Inbox(AppDbContext db, AuditTrail audit, FileStore files)
{
    public async Task<PagedResult<MessageView>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = Mine();
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.SentAt).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new PagedResult<MessageView>(await ToViewsAsync(items, cancellationToken), total, page.SafePage, page.SafePageSize);
    }

    public async Task<(StoredFile File, Stream Content)> OpenAttachmentAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        var message = await Mine().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken) ?? throw new NotFoundException("未找到该通知。");
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == message.AttachmentFileId, cancellationToken)
            ?? throw new NotFoundException("该通知没有附件。");
        return (file, files.Open(file));
    }

    /// <summary>
    /// Messages go to the officers of a region (A7: the cities; certification: the city and county) or a community's staff,
    /// so only those roles read them, and only their own region's; finance, audit and security accounts share the region
    /// code but are not addressed.
    /// </summary>
    private IQueryable<Message> Mine()
    {
        var actor = audit.Actor;
        var scope = actor.ScopeCode;
        if (actor.Role is null || scope is null)
        {
            throw new ForbiddenException("请先登录。");
        }

        if (!actor.IsInRole(Roles.Workflow))
        {
            throw new ForbiddenException($"当前角色（{Roles.DisplayName(actor.Role)}）不是通知的接收对象，无权查看通知及其附件。");
        }

        return db.Set<Message>().AsNoTracking().Where(m => m.Recipients.Any(r => r.RecipientCode == scope));
    }

    private async Task<IReadOnlyList<MessageView>> ToViewsAsync(List<Message> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Where(m => m.AttachmentFileId != null).Select(m => m.AttachmentFileId!.Value).ToList();
        var names = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
        return messages.ConvertAll(m => new MessageView(m.Id, m.Subject, m.Body, m.SenderName, m.SentAt, m.AttachmentFileId,
            m.AttachmentFileId is { } f ? names.GetValueOrDefault(f) : null, m.RelatedType, m.RelatedId));
    }
}
