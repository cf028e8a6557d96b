using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
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
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificationDocumentNumber",
                table: "candidate_lists",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CertifiedAt",
                table: "candidate_lists",
                type: "timestamp with time zone",
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
