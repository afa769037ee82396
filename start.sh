#!/usr/bin/env bash
# Starts the whole DonationRegistry system on this machine: a private PostgreSQL cluster, a private RabbitMQ node and every
# service, wired by the AppHost (see docs/adr/001-own-apphost.md). Data is kept in .data/ between runs.
# Dashboard: http://127.0.0.1:18888/   Stop: Ctrl+C (or SIGTERM) stops everything, leaving no process behind.
# Arguments go to the AppHost, e.g. ./start.sh --Ports:Dashboard=18999 --DataPath=/tmp/dr-data
set -euo pipefail
cd "$(dirname "$0")"

source ./scripts/prerequisites.sh
ensure_prerequisites

# Build the AppHost and every service it references, then run the AppHost itself (exec: same PID, so Ctrl+C and SIGTERM reach it
# directly; it stops the services, RabbitMQ and PostgreSQL in order).
dotnet build AppHost -c Release -nologo -v quiet
exec dotnet AppHost/bin/Release/net10.0/DonationRegistry.AppHost.dll "$@"
