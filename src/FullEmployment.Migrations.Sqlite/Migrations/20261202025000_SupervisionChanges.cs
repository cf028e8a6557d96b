using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    DecisionDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Decider = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SuccessorCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlaqueReissueNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TitleDecision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerificationScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    VerificationIndicators = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MeetsConditions = table.Column<bool>(type: "INTEGER", nullable: true),
                    GrantedDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GrantedPlaqueNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CityAcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProvinceAcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PredecessorCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
