#!/usr/bin/env bash
# Install the Debian 12 packages that reparations needs to build, test and
# run its Python binding. Run as root (or it will use sudo when present).
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc clang libclang-rt-14-dev
      libgmp-dev libmpfr-dev libyajl-dev libcmocka-dev
      python3 python3-dev python3-pytest valgrind chromium
      python3-jsonschema python3-mesonpy python3-pip python3-pandas python3-matplotlib
      gettext poppler-utils)
# Node.js for the binding and the intake example: Debian's nodejs, npm and libnode-dev
# (node_api.h), unless a Node with npm and its headers is already installed (NodeSource's
# nodejs package carries npm and /usr/include/node itself, and conflicts with Debian's npm).
node_bin=$(command -v node || true)
if ! { [ -n "$node_bin" ] && command -v npm >/dev/null &&
       { [ -f /usr/include/node/node_api.h ] ||
         [ -f "$(dirname "$(dirname "$(readlink -f "$node_bin")")")/include/node/node_api.h" ]; }; }; then
	pkgs+=(nodejs npm libnode-dev)
fi
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
# npm packages of the intake example's tests (playwright-core, typescript), pinned by
# examples/web/package-lock.json; playwright-core drives Debian's chromium, no browser is downloaded
web="$(dirname "$0")/../examples/web"
if ! (cd "$web" && node -e '
	const lock = require("./package-lock.json").packages;
	for (const [p, m] of Object.entries(lock)) if (p && require("./" + p + "/package.json").version !== m.version) process.exit(1);
	' 2>/dev/null); then
	(cd "$web" && npm ci --no-audit --no-fund)
fi
