namespace FullEmployment.Domain.Campaigns;

public enum ScoringMode
{
    /// <summary>Computed from the ledger and registry; a reviewer may override only with a written reason.</summary>
    Auto,

    /// <summary>Entered by the reviewer; less than full points needs a remark.</summary>
    Judged,
}

/// <summary>One line of the 100-point sheet (A6).</summary>
public sealed class ScoreItem
{
    internal ScoreItem(int group, string groupName, string number, string text, decimal maxPoints, string rule,
        ScoringMode mode, decimal? gateMinimum, string clauseId)
    {
        Group = group;
        GroupName = groupName;
        Number = number;
        Text = text;
        MaxPoints = maxPoints;
        Rule = rule;
        Mode = mode;
        GateMinimum = gateMinimum;
        ClauseId = clauseId;
    }

    private ScoreItem() { }

    public int Group { get; private set; }

    public string GroupName { get; private set; } = string.Empty;

    /// <summary>Item number, e.g. "1.1".</summary>
    public string Number { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public decimal MaxPoints { get; private set; }

    public string Rule { get; private set; } = string.Empty;

    public ScoringMode Mode { get; private set; }

    /// <summary>For an A5 "must have" (gate), the lowest score at which the gate counts as met; null when not a gate.</summary>
    public decimal? GateMinimum { get; private set; }

    public bool IsGate => GateMinimum.HasValue;

    public string ClauseId { get; private set; } = string.Empty;
}

/// <summary>
/// A versioned quantified score sheet template (量化评分表, A6). Drafts are edited; a published version never changes,
/// so scores given against it stay valid (A17: the province may publish a new version at any time).
/// </summary>
public sealed class ScoreTemplate
{
    public const decimal FullMarks = 100m;

    private readonly List<ScoreItem> _items = [];

    public ScoreTemplate(string templateVersion, string name, string ownerRegionCode)
    {
        if (string.IsNullOrWhiteSpace(templateVersion))
        {
            throw new DomainException("评分表版本号不能为空。", "A6");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("评分表名称不能为空。", "A6");
        }

        Id = Guid.NewGuid();
        TemplateVersion = templateVersion.Trim();
        Name = name.Trim();
        OwnerRegionCode = ownerRegionCode;
    }

    private ScoreTemplate() { }

    public Guid Id { get; private set; }

    /// <summary>Optimistic-concurrency version, managed by the persistence layer.</summary>
    public int Version { get; private set; }

    /// <summary>The template's version label, e.g. "2023-1"; campaigns pin it.</summary>
    public string TemplateVersion { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The province, or the city that owns a municipal template (A4.3).</summary>
    public string OwnerRegionCode { get; private set; } = string.Empty;

    public bool IsPublished => PublishedAt.HasValue;

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<ScoreItem> Items => _items;

    public decimal TotalPoints => _items.Sum(i => i.MaxPoints);

    public ScoreItem Item(string number) =>
        _items.Find(i => i.Number == number) ?? throw new DomainException($"评分表{TemplateVersion}中没有第{number}项。", "A6");

    public void AddItem(int group, string groupName, string number, string text, decimal maxPoints, string rule,
        ScoringMode mode, string clauseId, decimal? gateMinimum = null)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("评分项的序号和内容不能为空。", "A6");
        }

        if (_items.Exists(i => i.Number == number))
        {
            throw new DomainException($"评分项序号{number}重复。", "A6");
        }

        if (maxPoints <= 0 || decimal.Round(maxPoints, 1) != maxPoints)
        {
            throw new DomainException($"评分项{number}的分值必须大于0，且最多保留一位小数。", "A6");
        }

        if (gateMinimum is { } gate && (gate < 0 || gate > maxPoints))
        {
            throw new DomainException($"评分项{number}的必备条件达标分必须在0到{maxPoints}之间。", "A6");
        }

        _items.Add(new ScoreItem(group, groupName, number.Trim(), text.Trim(), maxPoints, rule, mode, gateMinimum, clauseId));
    }

    public void RemoveItem(string number)
    {
        EnsureDraft();
        _items.Remove(Item(number));
    }

    // A6: a 100-point scale.
    public void Publish(DateTimeOffset at)
    {
        EnsureDraft();
        if (TotalPoints != FullMarks)
        {
            throw new DomainException($"评分表各项分值合计为{TotalPoints}分，必须为{FullMarks}分才能发布。", "A6");
        }

        PublishedAt = at;
    }

    private void EnsureDraft()
    {
        if (IsPublished)
        {
            throw new DomainException($"评分表{TemplateVersion}已发布，不能修改；请发布新版本。", "A6");
        }
    }
}
