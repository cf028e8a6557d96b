using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Received = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CarriedOver = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CarriedOverReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedLate = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnRemarks = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fund_accountability_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Measure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposedBySide = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RefundDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclineRemark = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VoucherNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Side = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Remarks = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecoveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    VoucherNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
