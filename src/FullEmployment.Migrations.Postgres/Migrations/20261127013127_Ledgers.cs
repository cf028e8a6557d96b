using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Ledgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_assistances",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    assisted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assistance_kind = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    handler = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    system_record_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_assistances", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_assistances_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_complaints",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    complained_on = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_valid = table.Column<bool>(type: "boolean", nullable: false),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_complaints", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_complaints_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_difficulty_identifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    identified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<int>(type: "integer", nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_difficulty_identifications", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_difficulty_identifications_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_employment_wishes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    group = table.Column<int>(type: "integer", nullable: false),
                    intention = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_employment_wishes", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_employment_wishes_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_employments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    employed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    form = table.Column<int>(type: "integer", nullable: false),
                    employer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_employments", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_employments_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_persons",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    education = table.Column<int>(type: "integer", nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    family_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    relation_to_head = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    household_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    has_work_capacity = table.Column<bool>(type: "boolean", nullable: true),
                    is_willing_to_work = table.Column<bool>(type: "boolean", nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_persons", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_persons_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_staff",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    education = table.Column<int>(type: "integer", nullable: false),
                    is_full_time = table.Column<bool>(type: "boolean", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_staff", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_staff_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_training_referrals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_training_referrals", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_training_referrals_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_unemployment_registrations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    deregistered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    deregistration_reason = table.Column<int>(type: "integer", nullable: true),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_unemployment_registrations", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_unemployment_registrations_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_zero_employment_families",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    family_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    identified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    head_id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_zero_employment_families", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_zero_employment_families_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_assistances_community_id_id_number_assisted_on_assis~",
                table: "ledger_assistances",
                columns: new[] { "community_id", "id_number", "assisted_on", "assistance_kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_complaints_community_id_complained_on_subject",
                table: "ledger_complaints",
                columns: new[] { "community_id", "complained_on", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_id~",
                table: "ledger_difficulty_identifications",
                columns: new[] { "community_id", "id_number", "identified_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_id_number_end_reason",
                table: "ledger_difficulty_identifications",
                columns: new[] { "id_number", "end_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_employment_wishes_community_id_id_number_registered_~",
                table: "ledger_employment_wishes",
                columns: new[] { "community_id", "id_number", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_employments_community_id_id_number_employed_on",
                table: "ledger_employments",
                columns: new[] { "community_id", "id_number", "employed_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_community_id_id_number",
                table: "ledger_persons",
                columns: new[] { "community_id", "id_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_community_id_name",
                table: "ledger_persons",
                columns: new[] { "community_id", "name" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_id_number",
                table: "ledger_persons",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_staff_community_id_name_started_on",
                table: "ledger_staff",
                columns: new[] { "community_id", "name", "started_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_training_referrals_community_id_id_number_referred_on",
                table: "ledger_training_referrals",
                columns: new[] { "community_id", "id_number", "referred_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_re~",
                table: "ledger_unemployment_registrations",
                columns: new[] { "community_id", "id_number", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_id_number_deregistration_~",
                table: "ledger_unemployment_registrations",
                columns: new[] { "id_number", "deregistration_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_zero_employment_families_community_id_family_number_~",
                table: "ledger_zero_employment_families",
                columns: new[] { "community_id", "family_number", "identified_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_assistances");

            migrationBuilder.DropTable(
                name: "ledger_complaints");

            migrationBuilder.DropTable(
                name: "ledger_difficulty_identifications");

            migrationBuilder.DropTable(
                name: "ledger_employment_wishes");

            migrationBuilder.DropTable(
                name: "ledger_employments");

            migrationBuilder.DropTable(
                name: "ledger_persons");

            migrationBuilder.DropTable(
                name: "ledger_staff");

            migrationBuilder.DropTable(
                name: "ledger_training_referrals");

            migrationBuilder.DropTable(
                name: "ledger_unemployment_registrations");

            migrationBuilder.DropTable(
                name: "ledger_zero_employment_families");
        }
    }
}
