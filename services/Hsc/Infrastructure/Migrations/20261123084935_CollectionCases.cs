using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonationRegistry.Hsc.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CollectionCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collection_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CityRegion = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    LocalRegion = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    HospitalOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    International = table.Column<bool>(type: "boolean", nullable: false),
                    Independent = table.Column<bool>(type: "boolean", nullable: false),
                    SecondOfCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    SecondDonationKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SuspendedFrom = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StepStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MedicalExam = table.Column<string>(type: "jsonb", nullable: true),
                    Evaluation = table.Column<string>(type: "jsonb", nullable: true),
                    EvaluationCoSignature = table.Column<string>(type: "jsonb", nullable: true),
                    Plan = table.Column<string>(type: "jsonb", nullable: true),
                    Mobilisation = table.Column<string>(type: "jsonb", nullable: true),
                    Handover = table.Column<string>(type: "jsonb", nullable: true),
                    DonatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Documents = table.Column<string>(type: "jsonb", nullable: false),
                    ArchiveNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Fees = table.Column<string>(type: "jsonb", nullable: false),
                    Settlement = table.Column<string>(type: "jsonb", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CancellationNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CriticalWithdrawal = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collection_reminders",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitDay = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_reminders", x => new { x.CaseId, x.VisitDay, x.DueOn, x.Overdue });
                });

            migrationBuilder.CreateTable(
                name: "collection_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Health = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    AdverseEvents = table.Column<string>(type: "jsonb", nullable: false),
                    ReportRequired = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collection_follow_ups_collection_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "collection_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collection_timeline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collection_timeline_collection_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "collection_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_collection_cases_ArchiveNumber",
                table: "collection_cases",
                column: "ArchiveNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collection_cases_CityRegion_Status",
                table: "collection_cases",
                columns: new[] { "CityRegion", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_collection_cases_DonorId",
                table: "collection_cases",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_collection_cases_HospitalOrgId_Status",
                table: "collection_cases",
                columns: new[] { "HospitalOrgId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_collection_cases_LocalRegion_Status",
                table: "collection_cases",
                columns: new[] { "LocalRegion", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_collection_cases_RequestId",
                table: "collection_cases",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collection_follow_ups_CaseId",
                table: "collection_follow_ups",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_collection_follow_ups_DueOn_VisitedOn",
                table: "collection_follow_ups",
                columns: new[] { "DueOn", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_collection_timeline_CaseId",
                table: "collection_timeline",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collection_follow_ups");

            migrationBuilder.DropTable(
                name: "collection_reminders");

            migrationBuilder.DropTable(
                name: "collection_timeline");

            migrationBuilder.DropTable(
                name: "collection_cases");
        }
    }
}
