using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CoordinatedDepartments = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_request_history",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SupportRequestId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_request_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_request_history_support_requests_SupportRequestId",
                        column: x => x.SupportRequestId,
                        principalTable: "support_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_request_history_SupportRequestId",
                table: "support_request_history",
                column: "SupportRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_CityCode_CountyCode_State",
                table: "support_requests",
                columns: new[] { "CityCode", "CountyCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_support_requests_CommunityCode",
                table: "support_requests",
                column: "CommunityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_request_history");

            migrationBuilder.DropTable(
                name: "support_requests");
        }
    }
}
