using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonationRegistry.Hsc.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DonorRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "donor_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorRegion = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SearchId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TransplantCentre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CityRegion = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Selection = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SampleRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmatorySampleId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SampleReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmatoryTypingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Comparison = table.Column<string>(type: "jsonb", nullable: true),
                    ComparedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SelectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CollectionCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CollectionStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_donor_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "donor_request_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ByOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DonorRequestId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_donor_request_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_donor_request_attempts_donor_requests_DonorRequestId",
                        column: x => x.DonorRequestId,
                        principalTable: "donor_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_donor_request_attempts_DonorRequestId",
                table: "donor_request_attempts",
                column: "DonorRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_donor_requests_CityRegion_OpenedAt",
                table: "donor_requests",
                columns: new[] { "CityRegion", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_donor_requests_DonorId_Status",
                table: "donor_requests",
                columns: new[] { "DonorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_donor_requests_SearchId",
                table: "donor_requests",
                column: "SearchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "donor_request_attempts");

            migrationBuilder.DropTable(
                name: "donor_requests");
        }
    }
}
