namespace FullEmployment.Application.Common;

/// <summary>Masks personal data for lists and pages; revealing the full value is an audited action of its own.</summary>
public static class PersonalData
{
    /// <summary>620102199001011234 → 620102********1234.</summary>
    public static string? MaskIdNumber(string? id) =>
        id is null ? null : id.Length < 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];

    /// <summary>13812341234 → 138****1234; a landline keeps its area code and last four digits.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return phone;
        }

        // Hide the four digits before the last four: 138****1234, 0931****1001.
        var p = phone.Trim();
        return p.Length >= 8 ? p[..^8] + "****" + p[^4..] : new string('*', p.Length);
    }
}
