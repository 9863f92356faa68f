#!/usr/bin/env bash
# Install the Debian 12 packages that reparations needs to build, test and
# run its Python binding. Run as root (or it will use sudo when present).
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc clang libclang-rt-14-dev
      libgmp-dev libmpfr-dev libyajl-dev libcmocka-dev
      python3 python3-dev python3-pytest valgrind
      gettext chromium poppler-utils)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi
