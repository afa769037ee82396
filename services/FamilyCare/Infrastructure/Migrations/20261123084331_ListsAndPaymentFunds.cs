using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonationRegistry.FamilyCare.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ListsAndPaymentFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FundId",
                table: "aid_disbursements",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_visits_CampaignId",
                table: "visits",
                column: "CampaignId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_visits_CampaignId",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "FundId",
                table: "aid_disbursements");
        }
    }
}
