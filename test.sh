#!/usr/bin/env bash
# Runs every test of DonationRegistry: installs what the tests need (Debian packages, as root), builds, runs every test project
# against private PostgreSQL and RabbitMQ instances the tests start themselves, prints "N passed, N failed" and exits non-zero on
# any failure.
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/prerequisites.sh
ensure_prerequisites

log_dir=${TEST_LOG_DIR:-artifacts/test-logs}
mkdir -p "$log_dir"
log="$log_dir/test.log"

dotnet build DonationRegistry.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test DonationRegistry.sln -c Release --no-build -nologo \
  --results-directory "$log_dir" --blame-hang-timeout 10m "$@" 2>&1 | tee "$log" || status=$?

# The closing line CI reads: totals over every test assembly's summary.
awk '/^(Passed|Failed)! +- Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1);if($i=="Passed:")p+=$(i+1);if($i=="Skipped:")s+=$(i+1)}}
     END{printf "%d passed, %d failed, %d skipped\n",p,f,s; if (p==0) exit 1}' "$log" || status=1
exit $status
