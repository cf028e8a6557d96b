using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataEncryption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_re~",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_id_number_deregistration_~",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_training_referrals_community_id_id_number_referred_on",
                table: "ledger_training_referrals");

            migrationBuilder.DropIndex(
                name: "IX_ledger_persons_community_id_id_number",
                table: "ledger_persons");

            migrationBuilder.DropIndex(
                name: "IX_ledger_persons_id_number",
                table: "ledger_persons");

            migrationBuilder.DropIndex(
                name: "IX_ledger_employments_community_id_id_number_employed_on",
                table: "ledger_employments");

            migrationBuilder.DropIndex(
                name: "IX_ledger_employment_wishes_community_id_id_number_registered_~",
                table: "ledger_employment_wishes");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_id~",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_id_number_end_reason",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_assistances_community_id_id_number_assisted_on_assis~",
                table: "ledger_assistances");

            migrationBuilder.AddColumn<byte[]>(
                name: "ObjectorPhoneSealed",
                table: "objections",
                type: "bytea",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "head_id_number",
                table: "ledger_zero_employment_families",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "head_id_number_index",
                table: "ledger_zero_employment_families",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "head_id_number_sealed",
                table: "ledger_zero_employment_families",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_unemployment_registrations",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_unemployment_registrations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_unemployment_registrations",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_training_referrals",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_training_referrals",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_training_referrals",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_staff",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_staff",
                type: "bytea",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_persons",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_persons",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_persons",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<byte[]>(
                name: "phone_sealed",
                table: "ledger_persons",
                type: "bytea",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employments",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_employments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_employments",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employment_wishes",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_employment_wishes",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_employment_wishes",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_difficulty_identifications",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_difficulty_identifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_difficulty_identifications",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_assistances",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_assistances",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_assistances",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<byte[]>(
                name: "ContactPhoneSealed",
                table: "communities",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_in~",
                table: "ledger_unemployment_registrations",
                columns: new[] { "community_id", "id_number_index", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_id_number_index_deregistr~",
                table: "ledger_unemployment_registrations",
                columns: new[] { "id_number_index", "deregistration_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_training_referrals_community_id_id_number_index_refe~",
                table: "ledger_training_referrals",
                columns: new[] { "community_id", "id_number_index", "referred_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_community_id_id_number_index",
                table: "ledger_persons",
                columns: new[] { "community_id", "id_number_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_id_number_index",
                table: "ledger_persons",
                column: "id_number_index");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_employments_community_id_id_number_index_employed_on",
                table: "ledger_employments",
                columns: new[] { "community_id", "id_number_index", "employed_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_employment_wishes_community_id_id_number_index_regis~",
                table: "ledger_employment_wishes",
                columns: new[] { "community_id", "id_number_index", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_in~",
                table: "ledger_difficulty_identifications",
                columns: new[] { "community_id", "id_number_index", "identified_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_id_number_index_end_reason",
                table: "ledger_difficulty_identifications",
                columns: new[] { "id_number_index", "end_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_assistances_community_id_id_number_index_assisted_on~",
                table: "ledger_assistances",
                columns: new[] { "community_id", "id_number_index", "assisted_on", "assistance_kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_in~",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_id_number_index_deregistr~",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_training_referrals_community_id_id_number_index_refe~",
                table: "ledger_training_referrals");

            migrationBuilder.DropIndex(
                name: "IX_ledger_persons_community_id_id_number_index",
                table: "ledger_persons");

            migrationBuilder.DropIndex(
                name: "IX_ledger_persons_id_number_index",
                table: "ledger_persons");

            migrationBuilder.DropIndex(
                name: "IX_ledger_employments_community_id_id_number_index_employed_on",
                table: "ledger_employments");

            migrationBuilder.DropIndex(
                name: "IX_ledger_employment_wishes_community_id_id_number_index_regis~",
                table: "ledger_employment_wishes");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_in~",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_id_number_index_end_reason",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_assistances_community_id_id_number_index_assisted_on~",
                table: "ledger_assistances");

            migrationBuilder.DropColumn(
                name: "ObjectorPhoneSealed",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "head_id_number_index",
                table: "ledger_zero_employment_families");

            migrationBuilder.DropColumn(
                name: "head_id_number_sealed",
                table: "ledger_zero_employment_families");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_training_referrals");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_training_referrals");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_staff");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_staff");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_persons");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_persons");

            migrationBuilder.DropColumn(
                name: "phone_sealed",
                table: "ledger_persons");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_employments");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_employments");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_employment_wishes");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_employment_wishes");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropColumn(
                name: "id_number_index",
                table: "ledger_assistances");

            migrationBuilder.DropColumn(
                name: "id_number_sealed",
                table: "ledger_assistances");

            migrationBuilder.DropColumn(
                name: "ContactPhoneSealed",
                table: "communities");

            migrationBuilder.AlterColumn<string>(
                name: "head_id_number",
                table: "ledger_zero_employment_families",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_unemployment_registrations",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_training_referrals",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_persons",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employments",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employment_wishes",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_difficulty_identifications",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_assistances",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

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
                name: "IX_ledger_training_referrals_community_id_id_number_referred_on",
                table: "ledger_training_referrals",
                columns: new[] { "community_id", "id_number", "referred_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_community_id_id_number",
                table: "ledger_persons",
                columns: new[] { "community_id", "id_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_persons_id_number",
                table: "ledger_persons",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_employments_community_id_id_number_employed_on",
                table: "ledger_employments",
                columns: new[] { "community_id", "id_number", "employed_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_employment_wishes_community_id_id_number_registered_~",
                table: "ledger_employment_wishes",
                columns: new[] { "community_id", "id_number", "registered_on" },
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
                name: "IX_ledger_assistances_community_id_id_number_assisted_on_assis~",
                table: "ledger_assistances",
                columns: new[] { "community_id", "id_number", "assisted_on", "assistance_kind" },
                unique: true);
        }
    }
}
