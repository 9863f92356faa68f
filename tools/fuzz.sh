#!/usr/bin/env bash
# Build the libFuzzer harnesses (clang, AddressSanitizer + UndefinedBehaviorSanitizer)
# and run each for SECONDS (default 60) on a copy of its seed corpus.
#   bash tools/fuzz.sh 30                 # the short run CI does
#   bash tools/fuzz.sh 3600 case          # a long run of one harness
# Crashes are written to fuzz/out/<harness>/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(case scheme series text cli)

out=fuzz/out
mkdir -p "$out/bin"
python3 tools/gen_refdata.py -o "$out/refdata_builtin.c" data/*.csv
python3 tools/gen_i18n.py -o "$out/i18n_catalog.c" po/ru.po po/kk.po
# scheme_write.c is compiled inside scheme_json.c (it walks the reader's tables)
srcs=$(ls lib/*.c lib/engine/*.c lib/io/*.c lib/schemes/*.c | grep -v '^lib/io/scheme_write.c$')
flags=(-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -Iinclude -Ilib)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for h in "${harnesses[@]}"; do
	echo "--- fuzz_$h: building"
	extra=()
	# the CLI's parsers: tools/*.c with the program's main renamed (libFuzzer has its own)
	[ "$h" = cli ] && extra=(-Itools -Ilib/io -Dmain=reparations_main tools/calc.c tools/reparations.c tools/batch.c tools/pdf.c)
	clang "${flags[@]}" -o "$out/bin/fuzz_$h" "fuzz/fuzz_$h.c" "${extra[@]}" $srcs "$out/refdata_builtin.c" "$out/i18n_catalog.c" -lgmp -lmpfr -lyajl -lm -lpthread
	work="$out/$h/corpus"
	mkdir -p "$work"
	cp -n fuzz/corpus/$h/* "$work/" 2>/dev/null || true
	echo "--- fuzz_$h: running ${seconds}s"
	quiet=()
	[ "$h" = cli ] && quiet=(-close_fd_mask=3)
	"$out/bin/fuzz_$h" "${quiet[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$out/$h/" -print_final_stats=1 "$work" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|Done [0-9]+ runs|==[0-9]+==ERROR|SUMMARY)" || true
	if ls "$out/$h"/crash-* "$out/$h"/leak-* "$out/$h"/timeout-* "$out/$h"/oom-* >/dev/null 2>&1; then
		echo "fuzz_$h found a failing input:"; ls "$out/$h"/crash-* "$out/$h"/leak-* "$out/$h"/timeout-* "$out/$h"/oom-* 2>/dev/null
		exit 1
	fi
done
echo "fuzzing: no crashes"
