using FullEmployment.Domain.Regions;

namespace FullEmployment.Web.Pages.Communities;

public sealed record CommunityFieldsModel(CommunityForm Form, IReadOnlyList<Region> Regions, bool IsEdit);
