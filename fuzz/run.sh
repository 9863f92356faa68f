#!/usr/bin/env bash
# Build the libFuzzer harnesses (clang, AddressSanitizer + UndefinedBehaviorSanitizer)
# and run each for SECONDS on a working copy of its seed corpus.
#
#   bash fuzz/run.sh                      # every harness, 60 s each
#   bash fuzz/run.sh 30                   # the short run tools/test.sh does
#   bash fuzz/run.sh 3600 case scheme     # a long run of two harnesses
#   JOBS=4 bash fuzz/run.sh 28800         # overnight, four harnesses at a time
#   bash fuzz/run.sh 0                    # build only
#
# Harnesses run JOBS at a time (default: the number of cores). The working
# corpus (fuzz/out/<harness>/corpus, not in git) grows from run to run; a
# failing input is saved as fuzz/out/<harness>/crash-*, leak-*, timeout-* or
# oom-*, the run fails, and the input must become a regression test
# (tests/bad/ or a unit test). Reproduce one with
#   fuzz/out/bin/fuzz_<harness> fuzz/out/<harness>/crash-...
# FUZZ_OUT sets another output folder. The last lines print the executions
# of each harness and their total.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(case scheme series text cli)
jobs=${JOBS:-$(nproc)}
out=${FUZZ_OUT:-fuzz/out}
obj=$out/obj
mkdir -p "$out/bin" "$obj"

cflags=(-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer
	-fsanitize=address,undefined -fno-sanitize-recover=undefined -Iinclude -Ilib)
libs=(-lgmp -lmpfr -lyajl -lm -lpthread)

# The library once, instrumented for coverage (fuzzer-no-link), then each harness against it.
python3 tools/gen_refdata.py -o "$obj/refdata_builtin.c" data/*.csv
srcs=(lib/*.c lib/io/*.c lib/schemes/*.c "$obj/refdata_builtin.c")
rm -f "$obj"/*.o "$obj/libreparations-fuzz.a"
printf '%s\n' "${srcs[@]}" | xargs -P "$jobs" -I{} \
	bash -c 'exec clang "${@:3}" -c "$2" -o "$1/$(echo "$2" | tr / _).o"' _ "$obj" {} "${cflags[@]}" -fsanitize=fuzzer-no-link
ar rcs "$obj/libreparations-fuzz.a" "$obj"/*.o
for h in "${harnesses[@]}"; do
	extra=()
	[ "$h" = cli ] && extra=(-Itools -Dmain=reparations_main tools/calc.c tools/reparations.c)
	clang "${cflags[@]}" -fsanitize=fuzzer -o "$out/bin/fuzz_$h" "fuzz/fuzz_$h.c" "${extra[@]}" "$obj/libreparations-fuzz.a" "${libs[@]}"
done
echo "built: ${harnesses[*]/#/fuzz_}"
[ "$seconds" -gt 0 ] || exit 0

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

run_one() {
	local h=$1 work=$out/$1/corpus dict=()
	mkdir -p "$work"
	cp -n fuzz/corpus/"$h"/* "$work"/ 2>/dev/null || true
	[ -f fuzz/"$h".dict ] && dict=(-dict=fuzz/"$h".dict)
	[ "$h" = cli ] && dict+=(-close_fd_mask=3)
	"$out/bin/fuzz_$h" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 "${dict[@]}" -artifact_prefix="$out/$h/" "$work" >"$out/$h/log" 2>&1
}

status=0
pids=()
for h in "${harnesses[@]}"; do
	mkdir -p "$out/$h"
	rm -f "$out/$h"/crash-* "$out/$h"/leak-* "$out/$h"/timeout-* "$out/$h"/oom-* "$out/$h"/slow-unit-*
	echo "--- fuzz_$h: ${seconds} s"
	run_one "$h" &
	pids+=($!)
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
done
for p in "${pids[@]}"; do wait "$p" || status=1; done

total=0
for h in "${harnesses[@]}"; do
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$h/log" | tail -1)
	cov=$(grep -oE 'cov: [0-9]+' "$out/$h/log" | tail -1 || true)
	total=$((total + ${runs:-0}))
	printf 'fuzz_%-7s %10s executions, %s, corpus %s inputs\n' "$h" "${runs:-?}" "${cov:-cov: ?}" \
		"$(ls "$out/$h/corpus" | wc -l)"
	if ls "$out/$h"/crash-* "$out/$h"/leak-* "$out/$h"/timeout-* "$out/$h"/oom-* >/dev/null 2>&1; then
		status=1
		echo "fuzz_$h found a failing input:"
		ls "$out/$h"/crash-* "$out/$h"/leak-* "$out/$h"/timeout-* "$out/$h"/oom-* 2>/dev/null
		grep -E -A30 '^==[0-9]+==ERROR|runtime error|ALARM|out-of-memory' "$out/$h/log" | head -60
	fi
done
echo "fuzzing: $total executions in total"
[ $status -eq 0 ] && echo "fuzzing: no failing input" || { echo "fuzzing: FAILED"; exit 1; }
