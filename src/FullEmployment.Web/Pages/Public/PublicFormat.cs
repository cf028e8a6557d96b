using System.Globalization;
using FullEmployment.Application.Notices;
using FullEmployment.Domain;

namespace FullEmployment.Web.Pages.Public;

/// <summary>Dates and times on the public site, always in China time.</summary>
public static class PublicFormat
{
    public static string DateTime(DateTimeOffset value) =>
        ChinaTime.ToChina(value).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    public static string Date(DateOnly value) => ChinaTime.Format(value);

    /// <summary>A notice closes at 24:00 of its last working day, China time.</summary>
    public static string Closes(PublicNoticeView notice) => ChinaTime.Format(notice.LastDay) + " 24:00（北京时间）";
}
