#!/usr/bin/env bash
# Process memory search benchmark: a helper process holds MIB MiB of resident, varied memory
# (random bytes, text, zeros with small integers, pointer-like words) with decoys every 16 MiB and
# the needle near the end; then, in the same run, over the same range:
#   - IPC Scope's search in a running JVM (Linux provider + MemorySearch: ProcessSearchBench of the
#     bench module, built here): text, hex with ??, int32 and int64 patterns,
#   - ./ipcscope search PID text:NEEDLE end to end, served by the resident server and in a JVM of
#     its own (IPCSCOPE_DAEMON=0: JVM start, every readable region),
#   - gdb -batch -p PID -ex 'find /b START, END, bytes...' (whole command, and minus gdb's own
#     attach and detach, measured alone),
#   - a small C scanner (process_vm_readv in 1 MiB chunks, then memmem): the machine's best.
# Needs gcc and gdb (installed here when run as root and missing); builds the product if missing.
# Usage: bench/process-search.sh [MIB] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mib=${1:-1024}
runs=${2:-5}
. "$root/releng/scripts/find-jdk.sh"
find_jdk
. "$root/releng/scripts/debian-packages.sh"
ensure_packages gcc libc6-dev gdb
. "$root/bench/bench-build.sh"
bench_build "$root"
export LC_ALL=C.UTF-8
"$root/ipcscope" list --kind fifo >/dev/null # builds the product if missing
product="$root/releng/org.ipcscope.product/target/products/org.ipcscope.product/linux/gtk/x86_64/ipcscope"
work=$(mktemp -d)
helper_pid=
cleanup() {
	[ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

gcc -O2 -o "$work/ipc_helper" "$root/bundles/org.ipcscope.tests.support/native/ipc_helper.c" -lrt
gcc -O2 -o "$work/vm-scan" "$root/bench/vm-scan.c"
plugin() { ls "$product"/plugins/"$1"_*.jar | head -n 1; }
cp="$root/bench/target/classes:$(plugin org.ipcscope.core):$(plugin org.ipcscope.linux):$(plugin com.sun.jna)"

needle="IPCSCOPE-NEEDLE-$$"
value=1234567890
mkfifo "$work/hold"
exec 3<>"$work/hold" # the helper's stdin, open until the end
"$work/ipc_helper" haystack "$mib" "$needle" "$value" <&3 >"$work/ready" 2>&1 &
helper_pid=$!
until grep -q READY "$work/ready" 2>/dev/null; do
	kill -0 "$helper_pid" 2>/dev/null || { cat "$work/ready" >&2; exit 1; }
	sleep 0.2
done
read -r _ _ start end at_needle at_value <"$work/ready"
resident=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$helper_pid/status")
bytes=$((end - start))

ms() { # runs "$@" $runs times; prints the median wall time and the median CPU time (user + sys) in ms
	# the output of the last run is in $work/out
	rm -f "$work/times"
	for _ in $(seq "$runs"); do
		{ TIMEFORMAT='%R %U %S'; time "$@" >"$work/out" 2>&1 || true; } 2>>"$work/times"
	done
	median() { sort -n | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)]}'; }
	echo "$(awk '{print $1 * 1000}' "$work/times" | median) $(awk '{print ($2 + $3) * 1000}' "$work/times" | median)"
}
check() { # a tool's output must name the needle's address
	grep -qi "$at_needle" "$work/out" || { echo "$1 did not find the needle at $at_needle:" >&2; head "$work/out" >&2; exit 1; }
}
mibs() { awk -v b="$bytes" -v ms="$1" 'BEGIN {printf "%.0f", b / 1048576 / (ms / 1000)}'; }

hex=$(printf '%s' "$needle" | od -An -tx1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')
wild=$(echo "$hex" | awk '{$5 = "??"; $10 = "??"; print}')
gdb_bytes=$(echo "$hex" | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g; s/ //g; s/,$//')
gdb_end=$(printf '0x%x' $((end - 1)))

read -r scanner scanner_cpu < <(ms "$work/vm-scan" "$helper_pid" "${start#0x}" "${end#0x}" "$needle")
check "the C scanner"
read -r cli cli_cpu < <(ms env IPCSCOPE_DAEMON=0 "$root/ipcscope" search "$helper_pid" "text:$needle")
check "./ipcscope search (a JVM of its own)"
# served by the resident server: one call starts it, the timed ones find it warm
"$root/ipcscope" search "$helper_pid" "text:$needle" >/dev/null 2>&1 || true
for _ in $(seq 300); do
	"$root/ipcscope" daemon status >/dev/null 2>&1 && break
	sleep 0.1
done
read -r served served_cpu < <(ms "$root/ipcscope" search "$helper_pid" "text:$needle")
check "./ipcscope search (served)"
"$root/ipcscope" daemon stop >/dev/null 2>&1 || true
gdb_runs=$runs
runs=$(((gdb_runs + 1) / 2)) # gdb is slow: half the runs
read -r gdb gdb_cpu < <(ms gdb -batch -nx -p "$helper_pid" -ex "find /b $start, $gdb_end, $gdb_bytes")
check "gdb find"
read -r gdb_attach gdb_attach_cpu < <(ms gdb -batch -nx -p "$helper_pid" -ex "info inferiors")
runs=$gdb_runs
gdb_find=$(awk -v a="$gdb" -v b="$gdb_attach" 'BEGIN {printf "%.1f", a - b}')
gdb_find_cpu=$(awk -v a="$gdb_cpu" -v b="$gdb_attach_cpu" 'BEGIN {printf "%.0f", a - b}')

"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.ipcscope.bench.ProcessSearchBench "$helper_pid" "$start" "$end" "$runs" \
	"$at_needle" "text:$needle" "$at_needle" "hex:$wild" "$at_value" "int32:$value" "$at_value" "int64:$value" >"$work/java"
if grep -q MISSED "$work/java"; then
	echo "IPC Scope's search missed an expected match:" >&2
	cat "$work/java" >&2
	exit 1
fi
text_ms=$(awk -F'\t' 'NR == 1 {print $2}' "$work/java")

echo "Helper: $mib MiB searched ($start-$end), VmRSS $resident MiB; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | median (ms) | MiB/s | time vs C scanner | vs gdb find | CPU (ms, user + sys) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
row() { # name ms cpu
	awk -v n="$1" -v ms="$2" -v cpu="$3" -v c="$scanner" -v g="$gdb_find" -v b="$bytes" 'BEGIN {
		r = g / ms; how = "faster"
		if (r < 1) { r = 1 / r; how = "slower" }
		printf "| %s | %.1f | %.0f | %.2fx | %.1fx %s | %.0f |\n", n, ms, b / 1048576 / (ms / 1000), ms / c, r, how, cpu }'
}
while IFS=$'\t' read -r pattern median _ hits _ cpu; do
	row "IPC Scope in a running JVM, \`$pattern\` ($hits hits)" "$median" "$cpu"
done <"$work/java"
row "\`./ipcscope search PID text:…\` end to end, served by the resident server" "$served" "$served_cpu"
row "\`IPCSCOPE_DAEMON=0 ./ipcscope search PID text:…\` end to end (JVM start, every readable region)" "$cli" "$cli_cpu"
row "C scanner (process_vm_readv 1 MiB + memmem)" "$scanner" "$scanner_cpu"
row "gdb find, without gdb's attach and detach ($gdb_attach ms, CPU $gdb_attach_cpu ms)" "$gdb_find" "$gdb_find_cpu"
row "gdb -batch -p PID -ex 'find …', whole command" "$gdb" "$gdb_cpu"
echo
awk -F'\t' -v t="$text_ms" 'NR > 1 {printf "%s: %.2fx the time of the text search\n", $1, $2 / t}' "$work/java"
