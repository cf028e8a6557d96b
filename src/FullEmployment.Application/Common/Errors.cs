namespace FullEmployment.Application.Common;

/// <summary>The record does not exist, or lies outside the caller's scope (never reveal which).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller's role or scope does not allow this action.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Someone else saved the record since the caller loaded it.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message)
{
    public const string DefaultMessage = "该记录已被他人修改，您的修改未保存。请刷新页面查看最新内容后重新修改。";
}

/// <summary>One problem with one cell or field of an input.</summary>
public sealed record InputError(string? Sheet, int? Row, string? Column, string? Value, string Message);

/// <summary>An input was refused as a whole; every error is listed.</summary>
public sealed class InputRejectedException(string message, IReadOnlyList<InputError> errors) : Exception(message)
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
