using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonationRegistry.Registration.Infrastructure.Migrations
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
                name: "hsc_enrolments",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    PointId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hsc_enrolments", x => x.VolunteerId);
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
                name: "registration_number_counters",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_number_counters", x => new { x.RegionCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "registration_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HostOrganisation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Services = table.Column<int[]>(type: "integer[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AuthorisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AuthorisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_points", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<string>(type: "character varying(23)", maxLength: 23, nullable: true),
                    PointId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<int[]>(type: "integer[]", nullable: false),
                    full_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_type = table.Column<int>(type: "integer", nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    contact_relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    executor_kind = table.Column<int>(type: "integer", nullable: true),
                    executor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    executor_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FamilyInformed = table.Column<bool>(type: "boolean", nullable: false),
                    LetterSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WitnessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerificationCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CertificateIssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ObjectionDocument = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Programme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PointId = table.Column<Guid>(type: "uuid", nullable: true),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    NewRegistrations = table.Column<long>(type: "bigint", nullable: false),
                    Revoked = table.Column<long>(type: "bigint", nullable: false),
                    Objections = table.Column<long>(type: "bigint", nullable: false),
                    Realised = table.Column<long>(type: "bigint", nullable: false),
                    HscEnrolled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registration_point_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PointId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_point_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registration_point_history_registration_points_PointId",
                        column: x => x.PointId,
                        principalTable: "registration_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_point_staff",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PointId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_point_staff", x => new { x.PointId, x.UserId });
                    table.ForeignKey(
                        name: "FK_registration_point_staff_registration_points_PointId",
                        column: x => x.PointId,
                        principalTable: "registration_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorOrgId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_timeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registration_timeline_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "jsonb", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registration_versions_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_witnesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FullName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdType = table.Column<int>(type: "integer", nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_witnesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registration_witnesses_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "registrations",
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
                name: "IX_hsc_enrolments_IdNumberHash",
                table: "hsc_enrolments",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hsc_enrolments_RequestId",
                table: "hsc_enrolments",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

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
                name: "IX_registration_point_history_PointId",
                table: "registration_point_history",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_registration_point_staff_UserId",
                table: "registration_point_staff",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_registration_points_Code",
                table: "registration_points",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registration_points_RegionCode",
                table: "registration_points",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_registration_points_RequestId",
                table: "registration_points",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registration_timeline_RegistrationId",
                table: "registration_timeline",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_registration_versions_RegistrationId",
                table: "registration_versions",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_registration_witnesses_RegistrationId",
                table: "registration_witnesses",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_registrations_full_name",
                table: "registrations",
                column: "full_name");

            migrationBuilder.CreateIndex(
                name: "IX_registrations_id_number_hash",
                table: "registrations",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "IX_registrations_Number",
                table: "registrations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registrations_PointId_CreatedAt",
                table: "registrations",
                columns: new[] { "PointId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_registrations_RegionCode_CreatedAt",
                table: "registrations",
                columns: new[] { "RegionCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_registrations_RequestId",
                table: "registrations",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_days_Day",
                table: "statistics_days",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_days_Programme_RegionCode_PointId_Day",
                table: "statistics_days",
                columns: new[] { "Programme", "RegionCode", "PointId", "Day" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // One live registration per person and programme (EF cannot declare an index across the owned Volunteer).
            migrationBuilder.Sql(LiveRegistrationIndex.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LiveRegistrationIndex.DropSql);

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "hsc_enrolments");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "registration_number_counters");

            migrationBuilder.DropTable(
                name: "registration_point_history");

            migrationBuilder.DropTable(
                name: "registration_point_staff");

            migrationBuilder.DropTable(
                name: "registration_timeline");

            migrationBuilder.DropTable(
                name: "registration_versions");

            migrationBuilder.DropTable(
                name: "registration_witnesses");

            migrationBuilder.DropTable(
                name: "statistics_days");

            migrationBuilder.DropTable(
                name: "registration_points");

            migrationBuilder.DropTable(
                name: "registrations");
        }
    }
}
