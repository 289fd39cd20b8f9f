#!/usr/bin/env bash
# Debian packages the tests drive for real: Chromium (widget and accessibility
# tests), fonts for Arabic and CJK screenshots, wrk (load test). Installs what is
# missing when it can (root, or sudo), and otherwise says exactly what to install.
set -euo pipefail
packages=(chromium fonts-noto-core fonts-noto-cjk wrk)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "please install: apt-get install ${missing[*]}" >&2
  exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
