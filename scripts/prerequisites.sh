# Sourced by start.sh and test.sh: checks the machine has what DonationRegistry runs on, and installs what is missing when run
# as root on Debian. Not as root, it prints the exact command to run and stops.

# Debian packages needed, each with a file that proves it is installed.
declare -A DR_PACKAGES=(
  [postgresql]=/usr/lib/postgresql
  [rabbitmq-server]=/usr/lib/rabbitmq/bin/rabbitmq-server
)

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is missing: install it (https://dot.net) and run again." >&2
    exit 1
  fi
  local missing=()
  for package in "${!DR_PACKAGES[@]}"; do
    [ -e "${DR_PACKAGES[$package]}" ] || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  # policy-rc.d may refuse to start the system services; we never use them (the AppHost runs private instances).
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
