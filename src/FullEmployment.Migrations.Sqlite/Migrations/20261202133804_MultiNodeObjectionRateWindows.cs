using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MultiNodeObjectionRateWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "objection_rate_windows",
                columns: table => new
                {
                    address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    window_start = table.Column<long>(type: "INTEGER", nullable: false),
                    hits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_objection_rate_windows", x => x.address);
                });

            migrationBuilder.CreateIndex(
                name: "IX_objection_rate_windows_window_start",
                table: "objection_rate_windows",
                column: "window_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "objection_rate_windows");
        }
    }
}
