using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropPersonNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_persons_community_id_name",
                table: "ledger_persons");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_community_id_name",
                table: "ledger_persons",
                columns: new[] { "community_id", "name" });
        }
    }
}
