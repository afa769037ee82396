using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonationRegistry.OrganCoordination.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BodyTissueUnitsMemorials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoordinatorId",
                table: "tissue_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrgId",
                table: "tissue_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "RequestId",
                table: "tissue_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoordinatorId",
                table: "body_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrgId",
                table: "body_cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "RequestId",
                table: "body_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "memorials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Donation = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CaseOrgId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Site = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InscriptionConsented = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentDocumentReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InscribedName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memorials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "receiving_units",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    AcceptedDonations = table.Column<int[]>(type: "integer[]", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_receiving_units", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tissue_cases_Bank_NotifiedAt",
                table: "tissue_cases",
                columns: new[] { "Bank", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tissue_cases_OrgId_NotifiedAt",
                table: "tissue_cases",
                columns: new[] { "OrgId", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tissue_cases_RequestId",
                table: "tissue_cases",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_body_cases_OrgId_NotifiedAt",
                table: "body_cases",
                columns: new[] { "OrgId", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_body_cases_ReceivingUnit_NotifiedAt",
                table: "body_cases",
                columns: new[] { "ReceivingUnit", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_body_cases_RequestId",
                table: "body_cases",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorials_CaseId",
                table: "memorials",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_memorials_InscriptionConsented_RecordedAt",
                table: "memorials",
                columns: new[] { "InscriptionConsented", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "memorials");

            migrationBuilder.DropTable(
                name: "receiving_units");

            migrationBuilder.DropIndex(
                name: "IX_tissue_cases_Bank_NotifiedAt",
                table: "tissue_cases");

            migrationBuilder.DropIndex(
                name: "IX_tissue_cases_OrgId_NotifiedAt",
                table: "tissue_cases");

            migrationBuilder.DropIndex(
                name: "IX_tissue_cases_RequestId",
                table: "tissue_cases");

            migrationBuilder.DropIndex(
                name: "IX_body_cases_OrgId_NotifiedAt",
                table: "body_cases");

            migrationBuilder.DropIndex(
                name: "IX_body_cases_ReceivingUnit_NotifiedAt",
                table: "body_cases");

            migrationBuilder.DropIndex(
                name: "IX_body_cases_RequestId",
                table: "body_cases");

            migrationBuilder.DropColumn(
                name: "CoordinatorId",
                table: "tissue_cases");

            migrationBuilder.DropColumn(
                name: "OrgId",
                table: "tissue_cases");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "tissue_cases");

            migrationBuilder.DropColumn(
                name: "CoordinatorId",
                table: "body_cases");

            migrationBuilder.DropColumn(
                name: "OrgId",
                table: "body_cases");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "body_cases");
        }
    }
}
