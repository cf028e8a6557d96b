using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FundsReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fund_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CarriedOver = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CarriedOverReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnRemarks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fund_accountability_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_accountability_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_accountability_records_fund_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "fund_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_recoveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedBySide = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RefundDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclineRemark = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_recoveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_recoveries_fund_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "fund_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_report_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Payee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_report_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_report_lines_fund_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "fund_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_report_sign_offs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_report_sign_offs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_report_sign_offs_fund_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "fund_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fund_recovery_refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecoveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_recovery_refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fund_recovery_refunds_fund_recoveries_RecoveryId",
                        column: x => x.RecoveryId,
                        principalTable: "fund_recoveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fund_accountability_records_ReportId",
                table: "fund_accountability_records",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_fund_recoveries_ReportId",
                table: "fund_recoveries",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_fund_recovery_refunds_RecoveryId",
                table: "fund_recovery_refunds",
                column: "RecoveryId");

            migrationBuilder.CreateIndex(
                name: "IX_fund_report_lines_ReportId_Position",
                table: "fund_report_lines",
                columns: new[] { "ReportId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_fund_report_sign_offs_ReportId",
                table: "fund_report_sign_offs",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_fund_reports_CommunityCode_Year",
                table: "fund_reports",
                columns: new[] { "CommunityCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fund_reports_Year_CityCode_CountyCode",
                table: "fund_reports",
                columns: new[] { "Year", "CityCode", "CountyCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fund_accountability_records");

            migrationBuilder.DropTable(
                name: "fund_recovery_refunds");

            migrationBuilder.DropTable(
                name: "fund_report_lines");

            migrationBuilder.DropTable(
                name: "fund_report_sign_offs");

            migrationBuilder.DropTable(
                name: "fund_recoveries");

            migrationBuilder.DropTable(
                name: "fund_reports");
        }
    }
}
