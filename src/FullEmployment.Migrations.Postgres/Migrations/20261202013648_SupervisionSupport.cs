using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    CommunityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CommunityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CoordinatedDepartments = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_request_history",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupportRequestId = table.Column<Guid>(type: "uuid", nullable: true)
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
