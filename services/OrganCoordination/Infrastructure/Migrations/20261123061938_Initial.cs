using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonationRegistry.OrganCoordination.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Operation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "body_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    FamilyReference = table.Column<Guid>(type: "uuid", nullable: false),
                    DiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivingUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Use = table.Column<int>(type: "integer", nullable: true),
                    Disposal = table.Column<int>(type: "integer", nullable: true),
                    memorial = table.Column<string>(type: "jsonb", nullable: true),
                    RejectionReason = table.Column<int>(type: "integer", nullable: true),
                    FamilyCareContactConsent = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_body_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coordinator_credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    TrainingHours = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    TrainingHoursAtCertification = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    CertifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<int>(type: "integer", nullable: true),
                    BarredForLife = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordinator_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer_name });
                });

            migrationBuilder.CreateTable(
                name: "organ_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    HospitalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CoordinatorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FamilyReference = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id_type = table.Column<int>(type: "integer", nullable: true),
                    donor_id_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    donor_id_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    donor_id_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosureReason = table.Column<int>(type: "integer", nullable: true),
                    registry_check = table.Column<string>(type: "jsonb", nullable: true),
                    consent = table.Column<string>(type: "jsonb", nullable: true),
                    EthicsCommitteeSize = table.Column<int>(type: "integer", nullable: true),
                    EthicsApprovals = table.Column<int>(type: "integer", nullable: true),
                    death = table.Column<string>(type: "jsonb", nullable: true),
                    CotrsDonorId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProcuredOrgans = table.Column<int[]>(type: "integer[]", nullable: false),
                    ProcurementTeam = table.Column<List<string>>(type: "text[]", nullable: false),
                    WitnessReportReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BodyRecipient = table.Column<int>(type: "integer", nullable: true),
                    BodyReceivingUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FamilyCareContactConsent = table.Column<bool>(type: "boolean", nullable: false),
                    ReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    outcomes = table.Column<string>(type: "jsonb", nullable: false),
                    witnesses = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organ_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence_number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence_number);
                });

            migrationBuilder.CreateTable(
                name: "tissue_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    FamilyReference = table.Column<Guid>(type: "uuid", nullable: false),
                    Bank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Target = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RecoveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecoveredLate = table.Column<bool>(type: "boolean", nullable: false),
                    DeclineReason = table.Column<int>(type: "integer", nullable: true),
                    Use = table.Column<int>(type: "integer", nullable: true),
                    memorial = table.Column<string>(type: "jsonb", nullable: true),
                    FamilyCareContactConsent = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tissue_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "body_case_timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BodyCaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_body_case_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_body_case_timeline_body_cases_BodyCaseId",
                        column: x => x.BodyCaseId,
                        principalTable: "body_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credential_timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credential_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_credential_timeline_coordinator_credentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "coordinator_credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organ_case_timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrganCaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organ_case_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organ_case_timeline_organ_cases_OrganCaseId",
                        column: x => x.OrganCaseId,
                        principalTable: "organ_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tissue_case_timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TissueCaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tissue_case_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tissue_case_timeline_tissue_cases_TissueCaseId",
                        column: x => x.TissueCaseId,
                        principalTable: "tissue_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_ActorUserId_At",
                table: "audit_log",
                columns: new[] { "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_SubjectType_SubjectId",
                table: "audit_log",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_body_case_timeline_BodyCaseId",
                table: "body_case_timeline",
                column: "BodyCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_body_cases_RegionCode_NotifiedAt",
                table: "body_cases",
                columns: new[] { "RegionCode", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_coordinator_credentials_HolderId",
                table: "coordinator_credentials",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_coordinator_credentials_Number",
                table: "coordinator_credentials",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credential_timeline_CredentialId",
                table: "credential_timeline",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "IX_organ_case_timeline_OrganCaseId",
                table: "organ_case_timeline",
                column: "OrganCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_organ_cases_donor_id_hash",
                table: "organ_cases",
                column: "donor_id_hash");

            migrationBuilder.CreateIndex(
                name: "IX_organ_cases_HospitalId_ReferredAt",
                table: "organ_cases",
                columns: new[] { "HospitalId", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_organ_cases_RegionCode_ReferredAt",
                table: "organ_cases",
                columns: new[] { "RegionCode", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_organ_cases_RequestId",
                table: "organ_cases",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organ_cases_Status",
                table: "organ_cases",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "sequence_number",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_tissue_case_timeline_TissueCaseId",
                table: "tissue_case_timeline",
                column: "TissueCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_tissue_cases_RegionCode_NotifiedAt",
                table: "tissue_cases",
                columns: new[] { "RegionCode", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tissue_cases_Status_Deadline",
                table: "tissue_cases",
                columns: new[] { "Status", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "body_case_timeline");

            migrationBuilder.DropTable(
                name: "credential_timeline");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "organ_case_timeline");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "tissue_case_timeline");

            migrationBuilder.DropTable(
                name: "body_cases");

            migrationBuilder.DropTable(
                name: "coordinator_credentials");

            migrationBuilder.DropTable(
                name: "organ_cases");

            migrationBuilder.DropTable(
                name: "tissue_cases");
        }
    }
}
