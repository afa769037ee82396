#!/usr/bin/env bash
# Starts the whole DonationRegistry system on this machine: a private PostgreSQL cluster, a private RabbitMQ node and every
# service, wired by the AppHost (see docs/adr/001-own-apphost.md). Data is kept in .data/ between runs.
# Dashboard: http://127.0.0.1:18888/   Stop: Ctrl+C (or SIGTERM) stops everything, leaving no process behind.
# Arguments go to the AppHost, e.g. ./start.sh --Ports:Dashboard=18999 --DataPath=/tmp/dr-data
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "start.sh: the .NET SDK 10 is not installed (it is not a Debian package): see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "start.sh: installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "start.sh: missing Debian packages: ${missing[*]}. Install them as root, then run ./start.sh again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# Build the AppHost and every service it references, then run the AppHost itself (exec: same PID, so Ctrl+C and SIGTERM reach it
# directly; it stops the services, RabbitMQ and PostgreSQL in order).
dotnet build AppHost -c Release -nologo -v quiet
exec dotnet AppHost/bin/Release/net10.0/DonationRegistry.AppHost.dll "$@"
