using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionReinspection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReinspectionRecordId",
                table: "score_sheets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reinspection_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CityDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    TemplateVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PassMark = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    IncludeNational = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reinspection_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reinspection_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PassMark = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    TitleId = table.Column<int>(type: "integer", nullable: false),
                    TitleLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TitleDocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SelfAssessment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SelfCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResultBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Inspectors = table.Column<string[]>(type: "text[]", nullable: false),
                    VisitMethod = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FrozenIndicators = table.Column<string>(type: "text", nullable: true),
                    RectifyDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RequiredItems = table.Column<string[]>(type: "text[]", nullable: false),
                    RectificationAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecheckRemark = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FailedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewRemark = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reinspection_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reinspection_records_communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_reinspection_records_reinspection_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "reinspection_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_score_sheets_ReinspectionRecordId",
                table: "score_sheets",
                column: "ReinspectionRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_reinspection_records_CommunityCode",
                table: "reinspection_records",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_reinspection_records_CommunityId",
                table: "reinspection_records",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_reinspection_records_RoundId_CityCode_State",
                table: "reinspection_records",
                columns: new[] { "RoundId", "CityCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_reinspection_records_RoundId_TitleId",
                table: "reinspection_records",
                columns: new[] { "RoundId", "TitleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reinspection_rounds_Year",
                table: "reinspection_rounds",
                column: "Year",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_score_sheets_reinspection_records_ReinspectionRecordId",
                table: "score_sheets",
                column: "ReinspectionRecordId",
                principalTable: "reinspection_records",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_score_sheets_reinspection_records_ReinspectionRecordId",
                table: "score_sheets");

            migrationBuilder.DropTable(
                name: "reinspection_records");

            migrationBuilder.DropTable(
                name: "reinspection_rounds");

            migrationBuilder.DropIndex(
                name: "IX_score_sheets_ReinspectionRecordId",
                table: "score_sheets");

            migrationBuilder.DropColumn(
                name: "ReinspectionRecordId",
                table: "score_sheets");
        }
    }
}
