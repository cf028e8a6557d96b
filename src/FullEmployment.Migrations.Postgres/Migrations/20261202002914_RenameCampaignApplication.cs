using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
{
    /// <summary>The aggregate Application became CampaignApplication (it collided with the FullEmployment.Application
    /// namespace). Only the model snapshot changes: the table is still "applications".</summary>
    public partial class RenameCampaignApplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
