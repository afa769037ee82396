using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonationRegistry.Registration.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsStripes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_statistics_days_Programme_RegionCode_PointId_Day",
                table: "statistics_days");

            migrationBuilder.AddColumn<short>(
                name: "Stripe",
                table: "statistics_days",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_days_Programme_RegionCode_PointId_Day_Stripe",
                table: "statistics_days",
                columns: new[] { "Programme", "RegionCode", "PointId", "Day", "Stripe" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_statistics_days_Programme_RegionCode_PointId_Day_Stripe",
                table: "statistics_days");

            migrationBuilder.DropColumn(
                name: "Stripe",
                table: "statistics_days");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_days_Programme_RegionCode_PointId_Day",
                table: "statistics_days",
                columns: new[] { "Programme", "RegionCode", "PointId", "Day" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
