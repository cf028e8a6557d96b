namespace FullEmployment.Domain.Campaigns;

/// <summary>The review level that filled a score sheet; every level keeps its own copy (A8.1–A8.4).</summary>
public enum ReviewLevel
{
    Self,
    County,
    City,
    Province,
}

/// <summary>One item's score on a sheet. Auto items keep the computed value beside any override.</summary>
public sealed class ScoreLine
{
    internal ScoreLine(ScoreItem item, AutoItemScore? computed)
    {
        Number = item.Number;
        MaxPoints = item.MaxPoints;
        Mode = item.Mode;
        GateMinimum = item.GateMinimum;
        ClauseId = item.ClauseId;
        if (computed is not null)
        {
            ComputedScore = computed.Score;
            ComputedGateMet = computed.GateMet;
            Score = computed.Score;
        }
    }

    private ScoreLine() { }

    public string Number { get; private set; } = string.Empty;

    public decimal MaxPoints { get; private set; }

    public ScoringMode Mode { get; private set; }

    public decimal? GateMinimum { get; private set; }

    public bool IsGate => GateMinimum.HasValue;

    public string ClauseId { get; private set; } = string.Empty;

    /// <summary>The value computed from the indicators (auto items).</summary>
    public decimal? ComputedScore { get; private set; }

    public bool? ComputedGateMet { get; private set; }

    /// <summary>The score that counts: computed, overridden or judged; null until given.</summary>
    public decimal? Score { get; private set; }

    public string? OverrideReason { get; private set; }

    public bool IsOverridden => OverrideReason is not null;

    public string? Remark { get; private set; }

    /// <summary>A gate counts as met from the computed result unless overridden; otherwise by its minimum score.</summary>
    public bool GateMet => !IsGate
        || (ComputedGateMet is { } computed && !IsOverridden ? computed : Score >= GateMinimum);

    internal void Judge(decimal score, string? remark)
    {
        if (Mode != ScoringMode.Judged)
        {
            throw new DomainException($"第{Number}项为自动计分项，只能附理由修正，不能直接评分。", "A6");
        }

        EnsureValid(score);
        // A6: judged items below full points need a remark.
        if (score < MaxPoints && string.IsNullOrWhiteSpace(remark))
        {
            throw new DomainException($"第{Number}项未给满分（{score}/{MaxPoints}），必须填写扣分说明。", "A6");
        }

        Score = score;
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
    }

    internal void Override(decimal score, string reason)
    {
        if (Mode != ScoringMode.Auto)
        {
            throw new DomainException($"第{Number}项为评定项，请直接评分。", "A6");
        }

        // A6: an auto score may be overridden only with a written reason; the computed value stays on record.
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException($"修正第{Number}项的自动计分必须填写理由。", "A6");
        }

        EnsureValid(score);
        Score = score;
        OverrideReason = reason.Trim();
    }

    private void EnsureValid(decimal score)
    {
        // A6: decimals with one place, within 0..max.
        if (score < 0 || score > MaxPoints || decimal.Round(score, 1) != score)
        {
            throw new DomainException($"第{Number}项的得分必须在0到{MaxPoints}分之间，最多保留一位小数。", "A6");
        }
    }
}

/// <summary>A filled copy of the pinned score template for one review level (量化评分表, A6).</summary>
public sealed class ScoreSheet
{
    private readonly List<ScoreLine> _lines = [];

    public ScoreSheet(ReviewLevel level, ScoreTemplate template, AutoScoringInput indicators)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(indicators);
        if (!template.IsPublished)
        {
            throw new DomainException($"评分表{template.TemplateVersion}尚未发布，不能用于评分。", "A6");
        }

        var byNumber = AutoScoring.Compute(indicators).ToDictionary(c => c.Number);
        Id = Guid.NewGuid();
        Level = level;
        TemplateVersion = template.TemplateVersion;
        Indicators = indicators;
        foreach (var item in template.Items)
        {
            _lines.Add(new ScoreLine(item, item.Mode == ScoringMode.Auto ? byNumber.GetValueOrDefault(item.Number) : null));
        }
    }

    private ScoreSheet() { }

    public Guid Id { get; private set; }

    public ReviewLevel Level { get; private set; }

    public string TemplateVersion { get; private set; } = string.Empty;

    /// <summary>The indicator figures the auto items were computed from, kept as a frozen snapshot (A8.1).</summary>
    public AutoScoringInput Indicators { get; private set; } = null!;

    public IReadOnlyList<ScoreLine> Lines => _lines;

    public decimal Total => _lines.Sum(l => l.Score ?? 0m);

    public bool IsComplete => _lines.TrueForAll(l => l.Score.HasValue);

    /// <summary>Every A5 "must have" item is met (A5: 应具备).</summary>
    public bool GatesMet => _lines.TrueForAll(l => l.GateMet);

    public IReadOnlyList<ScoreLine> UnmetGates => _lines.FindAll(l => !l.GateMet);

    /// <summary>A6: complete, total ≥ pass mark and every gate met.</summary>
    public bool Passes(decimal passMark) => IsComplete && Total >= passMark && GatesMet;

    /// <summary>Set once the level has acted on the application; the sheet then stays on record unchanged.</summary>
    public bool IsLocked { get; private set; }

    public ScoreLine Line(string number) =>
        _lines.Find(l => l.Number == number) ?? throw new DomainException($"评分表中没有第{number}项。", "A6");

    public void Judge(string number, decimal score, string? remark)
    {
        EnsureOpen();
        Line(number).Judge(score, remark);
    }

    public void Override(string number, decimal score, string reason)
    {
        EnsureOpen();
        Line(number).Override(score, reason);
    }

    internal void Lock() => IsLocked = true;

    internal void Unlock() => IsLocked = false;

    private void EnsureOpen()
    {
        if (IsLocked)
        {
            throw new DomainException("该级评分已随审核结果提交，不能再修改。", "A6");
        }
    }
}
