#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, then builds
# and tests the library plainly (warnings are errors) and under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh

run() { echo; echo "=== $*"; "$@"; }

rm -rf build-test build-asan
run meson setup build-test --werror -Dbuildtype=debugoptimized
run ninja -C build-test
run meson test -C build-test --print-errorlogs --num-processes 2

# Sanitizers: any report fails the run.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
run meson setup build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false -Dpython=disabled
run ninja -C build-asan
run meson test -C build-asan --print-errorlogs --num-processes 2

echo
echo "all test suites passed"
