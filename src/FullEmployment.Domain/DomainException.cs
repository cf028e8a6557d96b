namespace FullEmployment.Domain;

/// <summary>
/// A rule of the measures refused an action. The message is Chinese and shown to the user as is.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, string clause) : base(message) => Clause = clause;

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The clause ID (docs/reference/clauses.md) behind the refusal, when there is one.</summary>
    public string? Clause { get; }
}
