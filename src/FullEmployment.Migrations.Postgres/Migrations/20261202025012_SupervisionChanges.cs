using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    DecisionDocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Decider = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NewName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SuccessorCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PlaqueReissueNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TitleDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TitleDecision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerificationScore = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    VerificationIndicators = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    MeetsConditions = table.Column<bool>(type: "boolean", nullable: true),
                    GrantedDocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GrantedPlaqueNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CityAcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProvinceAcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PredecessorCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_change_reports_CityCode_State",
                table: "change_reports",
                columns: new[] { "CityCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_change_reports_CommunityCode",
                table: "change_reports",
                column: "CommunityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_reports");
        }
    }
}
