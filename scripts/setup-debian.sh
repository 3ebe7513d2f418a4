#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those that are missing.
#   scripts/setup-debian.sh          what building the site and PDFs needs
#   scripts/setup-debian.sh --test   also what the test suite needs (Chromium, Java, Node)
set -euo pipefail
packages=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium)
  # nginx: tests/test_publish.py checks and runs deploy/nginx.conf with it (on its own ports, with a
  # throwaway certificate from openssl). Debian starts its default site on port 80 after install:
  # `sudo systemctl disable --now nginx` if unwanted.
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || packages+=(nginx)
  packages+=(openssl)
  # Java (HTML checker) and npm (axe-core, Lighthouse) may come from elsewhere: ask for the command.
  command -v java >/dev/null || packages+=(default-jre-headless)
  command -v npm >/dev/null || packages+=(npm)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
