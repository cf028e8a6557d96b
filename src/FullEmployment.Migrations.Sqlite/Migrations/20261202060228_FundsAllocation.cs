using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FundsAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fund_allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_allocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fund_exclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecoveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImposedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LiftedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LiftedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_exclusions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fund_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NationalAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ProvincialAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MunicipalAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    InformationSystemCapShare = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fund_allocation_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleGrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_allocation_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_allocation_lines_fund_allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "fund_allocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fund_allocation_lines_AllocationId_CityCode_CountyCode",
                table: "fund_allocation_lines",
                columns: new[] { "AllocationId", "CityCode", "CountyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_fund_allocation_lines_AllocationId_CommunityCode",
                table: "fund_allocation_lines",
                columns: new[] { "AllocationId", "CommunityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fund_allocation_lines_CommunityCode",
                table: "fund_allocation_lines",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_fund_allocations_Year",
                table: "fund_allocations",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fund_exclusions_CommunityCode",
                table: "fund_exclusions",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_fund_exclusions_RecoveryId",
                table: "fund_exclusions",
                column: "RecoveryId");

            migrationBuilder.CreateIndex(
                name: "IX_fund_settings_Year",
                table: "fund_settings",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fund_allocation_lines");

            migrationBuilder.DropTable(
                name: "fund_exclusions");

            migrationBuilder.DropTable(
                name: "fund_settings");

            migrationBuilder.DropTable(
                name: "fund_allocations");
        }
    }
}
