# Sourced by start.sh and test.sh: checks the machine has what DonationRegistry runs on, and installs what is missing when run
# as root on Debian. Not as root, it prints the exact command to run and stops.

# Debian packages needed, each with a path pattern that proves it is installed (the client alone has no server binary).
declare -A DR_PACKAGES=(
  [postgresql]='/usr/lib/postgresql/*/bin/postgres'
  [rabbitmq-server]='/usr/lib/rabbitmq/bin/rabbitmq-server'
  [chromium]='/usr/bin/chromium'
  # Chinese glyphs for the browser tests' screenshots (docs/screenshots) and the printed certificate.
  [fonts-noto-cjk]='/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
)

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is missing: install it (https://dot.net) and run again." >&2
    exit 1
  fi
  local missing=()
  for package in "${!DR_PACKAGES[@]}"; do
    compgen -G "${DR_PACKAGES[$package]}" >/dev/null || missing+=("$package")
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
