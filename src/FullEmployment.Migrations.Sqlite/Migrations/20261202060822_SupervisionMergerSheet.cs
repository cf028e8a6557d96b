using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionMergerSheet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChangeReportId",
                table: "score_sheets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_score_sheets_ChangeReportId",
                table: "score_sheets",
                column: "ChangeReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_score_sheets_change_reports_ChangeReportId",
                table: "score_sheets",
                column: "ChangeReportId",
                principalTable: "change_reports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_score_sheets_change_reports_ChangeReportId",
                table: "score_sheets");

            migrationBuilder.DropIndex(
                name: "IX_score_sheets_ChangeReportId",
                table: "score_sheets");

            migrationBuilder.DropColumn(
                name: "ChangeReportId",
                table: "score_sheets");
        }
    }
}
