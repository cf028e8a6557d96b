using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MunicipalCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "CityCode",
                table: "campaign_quotas",
                newName: "RegionCode");

            migrationBuilder.AddColumn<string>(
                name: "CountyCode",
                table: "list_entries",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificationDocumentNumber",
                table: "candidate_lists",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CertifiedAt",
                table: "candidate_lists",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountyCode",
                table: "list_entries");

            migrationBuilder.DropColumn(
                name: "CertificationDocumentNumber",
                table: "candidate_lists");

            migrationBuilder.DropColumn(
                name: "CertifiedAt",
                table: "candidate_lists");

            migrationBuilder.RenameColumn(
                name: "RegionCode",
                table: "campaign_quotas",
                newName: "CityCode");
        }
    }
}
