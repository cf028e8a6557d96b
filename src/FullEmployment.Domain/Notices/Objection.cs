namespace FullEmployment.Domain.Notices;

public enum ObjectionStatus
{
    Pending,
    Upheld,
    Dismissed,
}

/// <summary>An objection (异议) raised during a public notice against one named candidate (A8.3, A8.4).</summary>
public sealed class Objection
{
    internal Objection(Guid candidateApplicationId, string objector, string? objectorPhone, string content, DateTimeOffset submittedAt)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new DomainException("异议内容不能为空。", "A8.3");
        }

        Id = Guid.NewGuid();
        CandidateApplicationId = candidateApplicationId;
        Objector = objector?.Trim() ?? string.Empty;
        ObjectorPhone = string.IsNullOrWhiteSpace(objectorPhone) ? null : objectorPhone.Trim();
        Content = content.Trim();
        SubmittedAt = submittedAt;
        Status = ObjectionStatus.Pending;
    }

    private Objection() { }

    public Guid Id { get; private set; }

    /// <summary>The application of the candidate the objection names.</summary>
    public Guid CandidateApplicationId { get; private set; }

    /// <summary>Who raised it (name and contact as given; may be empty for an anonymous objection).</summary>
    public string Objector { get; private set; } = string.Empty;

    /// <summary>How to reach the objector for the reply; personal data, never shown on the public site.</summary>
    public string? ObjectorPhone { get; private set; }

    public string Content { get; private set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; private set; }

    public ObjectionStatus Status { get; private set; }

    public string? Reply { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => Status != ObjectionStatus.Pending;

    internal void Answer(ObjectionStatus outcome, string reply, string answeredBy, DateTimeOffset at)
    {
        if (IsAnswered)
        {
            throw new DomainException("该异议已经答复，不能重复处理。", "A8.3");
        }

        if (string.IsNullOrWhiteSpace(reply))
        {
            throw new DomainException("处理异议必须填写答复意见。", "A8.3");
        }

        Status = outcome;
        Reply = reply.Trim();
        AnsweredBy = answeredBy;
        AnsweredAt = at;
    }
}
