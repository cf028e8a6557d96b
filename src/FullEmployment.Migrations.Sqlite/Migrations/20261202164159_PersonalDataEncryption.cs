using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FullEmployment.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataEncryption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_registered_on",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_id_number_deregistration_reason",
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
                name: "IX_ledger_employment_wishes_community_id_id_number_registered_on",
                table: "ledger_employment_wishes");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_identified_on",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_id_number_end_reason",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_assistances_community_id_id_number_assisted_on_assistance_kind",
                table: "ledger_assistances");

            migrationBuilder.AddColumn<byte[]>(
                name: "ObjectorPhoneSealed",
                table: "objections",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "head_id_number",
                table: "ledger_zero_employment_families",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "head_id_number_index",
                table: "ledger_zero_employment_families",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "head_id_number_sealed",
                table: "ledger_zero_employment_families",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_unemployment_registrations",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_unemployment_registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_unemployment_registrations",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_training_referrals",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_training_referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_training_referrals",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_staff",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_staff",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_persons",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_persons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_persons",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<byte[]>(
                name: "phone_sealed",
                table: "ledger_persons",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employments",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_employments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_employments",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employment_wishes",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_employment_wishes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_employment_wishes",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_difficulty_identifications",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_difficulty_identifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_difficulty_identifications",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_assistances",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<long>(
                name: "id_number_index",
                table: "ledger_assistances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_sealed",
                table: "ledger_assistances",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<byte[]>(
                name: "ContactPhoneSealed",
                table: "communities",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_index_registered_on",
                table: "ledger_unemployment_registrations",
                columns: new[] { "community_id", "id_number_index", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_id_number_index_deregistration_reason",
                table: "ledger_unemployment_registrations",
                columns: new[] { "id_number_index", "deregistration_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_training_referrals_community_id_id_number_index_referred_on",
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
                name: "IX_ledger_employment_wishes_community_id_id_number_index_registered_on",
                table: "ledger_employment_wishes",
                columns: new[] { "community_id", "id_number_index", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_index_identified_on",
                table: "ledger_difficulty_identifications",
                columns: new[] { "community_id", "id_number_index", "identified_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_id_number_index_end_reason",
                table: "ledger_difficulty_identifications",
                columns: new[] { "id_number_index", "end_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_assistances_community_id_id_number_index_assisted_on_assistance_kind",
                table: "ledger_assistances",
                columns: new[] { "community_id", "id_number_index", "assisted_on", "assistance_kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_index_registered_on",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_unemployment_registrations_id_number_index_deregistration_reason",
                table: "ledger_unemployment_registrations");

            migrationBuilder.DropIndex(
                name: "IX_ledger_training_referrals_community_id_id_number_index_referred_on",
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
                name: "IX_ledger_employment_wishes_community_id_id_number_index_registered_on",
                table: "ledger_employment_wishes");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_index_identified_on",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_difficulty_identifications_id_number_index_end_reason",
                table: "ledger_difficulty_identifications");

            migrationBuilder.DropIndex(
                name: "IX_ledger_assistances_community_id_id_number_index_assisted_on_assistance_kind",
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
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_unemployment_registrations",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_training_referrals",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_persons",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employments",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_employment_wishes",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_difficulty_identifications",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "ledger_assistances",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_community_id_id_number_registered_on",
                table: "ledger_unemployment_registrations",
                columns: new[] { "community_id", "id_number", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_unemployment_registrations_id_number_deregistration_reason",
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
                name: "IX_ledger_employment_wishes_community_id_id_number_registered_on",
                table: "ledger_employment_wishes",
                columns: new[] { "community_id", "id_number", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_community_id_id_number_identified_on",
                table: "ledger_difficulty_identifications",
                columns: new[] { "community_id", "id_number", "identified_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_difficulty_identifications_id_number_end_reason",
                table: "ledger_difficulty_identifications",
                columns: new[] { "id_number", "end_reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_assistances_community_id_id_number_assisted_on_assistance_kind",
                table: "ledger_assistances",
                columns: new[] { "community_id", "id_number", "assisted_on", "assistance_kind" },
                unique: true);
        }
    }
}
