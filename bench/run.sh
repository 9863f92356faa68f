#!/usr/bin/env bash
# The batch benchmark (bench/run.py): bash bench/run.sh [BUILD_DIR] [-n 10000] [--big 1000000] [--seed 1]
# Needs a build with the Python binding: meson setup build && ninja -C build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec nice python3 "$here/run.py" "$@"
