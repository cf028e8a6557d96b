using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorRollUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_results",
                columns: table => new
                {
                    community_id = table.Column<int>(type: "INTEGER", nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    application_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ledger_version = table.Column<long>(type: "INTEGER", nullable: false),
                    calculator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    figures = table.Column<string>(type: "TEXT", nullable: false),
                    computed_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_results", x => new { x.period_start, x.period_end, x.application_date, x.community_id });
                    table.ForeignKey(
                        name: "FK_indicator_results_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_versions",
                columns: table => new
                {
                    community_id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_versions", x => x.community_id);
                    table.ForeignKey(
                        name: "FK_ledger_versions_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_results_community_id",
                table: "indicator_results",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_results_computed_on",
                table: "indicator_results",
                column: "computed_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_results");

            migrationBuilder.DropTable(
                name: "ledger_versions");
        }
    }
}
