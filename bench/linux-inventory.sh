#!/usr/bin/env bash
# Inventory benchmark on a busy machine: 300 helper processes hold shared memory, pipes, FIFOs,
# Unix and loopback sockets; then, in the same run, time
#   - one refresh inside a running IPC Scope (warm JVM, as the view's auto-refresh: InventoryRefreshBench
#     of the bench module, built here),
#   - ./ipcscope list --json end to end: served by the resident server (warm), the first call with
#     no server running (cold: answered by a JVM of its own, which then starts the server), and
#     with the server turned off (IPCSCOPE_DAEMON=0, a JVM of its own every time),
#   - lsof -n, ipcs -a and ss -xap gathering the same facts.
# Each is run RUNS times: the median and the best wall time are printed, and the CPU time (user +
# system, of the command and its children; the server's own for served calls) per run, which
# other load on the machine distorts less. The cold first call is run RUNS/2 times, each after
# stopping the server; served calls are timed right after the server's warm-up, then after 40
# more calls (the JIT compiler needs a few dozen).
# Needs the product built (./ipcscope builds it) and the Debian packages lsof, iproute2, util-linux.
# Usage: bench/linux-inventory.sh [HELPERS] [RUNS]   (bash 5: EPOCHREALTIME)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
helpers=${1:-300}
runs=${2:-10}
. "$root/releng/scripts/find-jdk.sh"
find_jdk
. "$root/bench/bench-build.sh"
bench_build "$root"
export LC_ALL=C.UTF-8
IPCSCOPE_DAEMON=0 "$root/ipcscope" list --kind fifo >/dev/null # builds the product if missing
"$root/ipcscope" daemon stop >/dev/null # a server warming up would distort what is timed
for tool in lsof ipcs ss; do
	command -v $tool >/dev/null || { echo "$tool is missing (apt-get install lsof iproute2 util-linux)" >&2; exit 1; }
done
product="$root/releng/org.ipcscope.product/target/products/org.ipcscope.product/linux/gtk/x86_64/ipcscope"
work=$(mktemp -d)
helper="$work/ipc_helper"
gcc -O2 -o "$helper" "$root/bundles/org.ipcscope.tests.support/native/ipc_helper.c" -lrt
pids=()
cleanup() {
	"$root/ipcscope" daemon stop >/dev/null 2>&1 || true
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/hold"
exec 3<>"$work/hold" # keeps every helper's stdin open until the end
# The helpers end by themselves after 120 s: each phase of the measurements gets a fresh set.
phase=0
start_helpers() {
	local i key
	phase=$((phase + 1))
	pids=()
	for i in $(seq "$helpers"); do
		key=$((0x1B000000 + $$ % 4096 * 1024 + (phase - 1) * helpers + i))
		"$helper" posix "/ipcscope-bench-$$-$phase-$i" 65536 sysv $key 4096 fifo "$work/fifo-$phase-$i" pipe \
			unix "@ipcscope-bench-$$-$phase-$i" tcp udp <&3 >"$work/ready-$phase-$i" 2>&1 &
		pids+=($!)
	done
	for i in $(seq "$helpers"); do
		until [ "$(grep -c READY "$work/ready-$phase-$i" 2>/dev/null)" -ge 7 ]; do sleep 0.05; done
	done
	processes=$(find /proc -maxdepth 1 -name '[0-9]*' | wc -l)
}
stop_helpers() { # says whether all of them lived to the end of the phase
	local p alive=0
	for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
	[ "$alive" -eq "$helpers" ] || echo "WARNING: only $alive of $helpers helpers lived to the end of phase $phase: its numbers are off" >&2
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait "${pids[@]}" 2>/dev/null || true
}

ticks=$(getconf CLK_TCK)
children_cpu() { # user + system ticks of the children that process $1 waited for
	local stat
	read -r stat </proc/"$1"/stat
	stat=${stat##*) }
	local fields
	read -r -a fields <<<"$stat"
	echo $((fields[13] + fields[14]))
}
measure() { # runs "$@" $runs times; prints "median best cpu" in ms (no fork between start and end)
	local times=() start end cpu_before cpu_after i me=$BASHPID
	cpu_before=$(children_cpu "$me")
	for ((i = 0; i < runs; i++)); do
		start=${EPOCHREALTIME/[.,]/}
		"$@" >/dev/null 2>&1
		end=${EPOCHREALTIME/[.,]/}
		times+=($((10#$end - 10#$start)))
	done
	cpu_after=$(children_cpu "$me")
	printf '%s\n' "${times[@]}" | sort -n | awk -v cpu=$((cpu_after - cpu_before)) -v runs="$runs" -v hz="$ticks" \
		'{a[NR]=$1} END {printf "%.1f %.1f %.1f\n", a[int((NR+1)/2)]/1000, a[1]/1000, cpu*1000/hz/runs}'
}

plugin() { local jars=("$product"/plugins/"$1"_*.jar); echo "${jars[0]}"; }
cp="$root/bench/target/classes:$(plugin org.ipcscope.core):$(plugin org.ipcscope.linux):$(plugin com.sun.jna)"
# phase 1: the refresh and the other tools
start_helpers
read -r refresh refresh_best refresh_cpu objects < <("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
	-cp "$cp" org.ipcscope.bench.InventoryRefreshBench 30 "$ticks")
read -r lsof_ms lsof_best lsof_cpu < <(measure lsof -n)
read -r ipcs_ms ipcs_best ipcs_cpu < <(measure ipcs -a)
read -r ss_ms ss_best ss_cpu < <(measure ss -xap)
read -r all_ms all_best all_cpu < <(measure sh -c 'lsof -n; ipcs -a; ss -xap')
processes_1=$processes
stop_helpers

# phase 2: the command line, and lsof -n again
# the command line's start-up cache (JDK 25+) or class data archive is made by its first run:
# make it anew, from this command
cli_jar=$(plugin org.ipcscope.cli)
cli_jar=${cli_jar##*/}
where=$(cksum <<<"$product")
rm -f "$HOME/.ipcscope/cli-${cli_jar%.jar}.jsa" "$HOME/.ipcscope/cli-${where%% *}"-*.aot*
IPCSCOPE_DAEMON=0 "$root/ipcscope" list --json >/dev/null # makes the start-up cache
start_helpers
read -r lsof2_ms lsof2_best lsof2_cpu < <(measure lsof -n)
read -r direct direct_best direct_cpu < <(measure env IPCSCOPE_DAEMON=0 "$root/ipcscope" list --json)

server_pid() { { "$root/ipcscope" daemon status 2>/dev/null || true; } | sed -n 's/^A server is running: pid \([0-9]*\),.*/\1/p'; }
stop_server() { # and wait until it is gone
	local pid
	pid=$(server_pid)
	"$root/ipcscope" daemon stop >/dev/null 2>&1 || true
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}
await_server() { until [ -n "$(server_pid)" ]; do sleep 0.1; done; }
process_cpu() { # user + system ticks of process $1 itself
	local stat
	read -r stat </proc/"$1"/stat
	stat=${stat##*) }
	local fields
	read -r -a fields <<<"$stat"
	echo $((fields[11] + fields[12]))
}
cold_runs=$(((runs + 1) / 2))
cold_times=()
cold_cpu=0
me=$BASHPID
for ((i = 0; i < cold_runs; i++)); do
	stop_server
	before=$(children_cpu "$me")
	start=${EPOCHREALTIME/[.,]/}
	"$root/ipcscope" list --json >/dev/null 2>&1
	end=${EPOCHREALTIME/[.,]/}
	cold_times+=($((10#$end - 10#$start)))
	cold_cpu=$((cold_cpu + $(children_cpu "$me") - before))
	await_server # the one this call started
done
read -r cold cold_best < <(printf '%s\n' "${cold_times[@]}" | sort -n |
	awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)]/1000, a[1]/1000}')
cold_cpu=$(awk -v t="$cold_cpu" -v n="$cold_runs" -v hz="$ticks" 'BEGIN {printf "%.1f", t*1000/hz/n}')
sleep 12 # its warm-up (10 s at most)
server=$(server_pid)
served() { # "median best cpu" of RUNS served calls, the server's CPU added to the client's
	local before median best cpu
	before=$(process_cpu "$server")
	read -r median best cpu < <(measure "$root/ipcscope" list --json)
	awk -v m="$median" -v b="$best" -v c="$cpu" -v t="$(($(process_cpu "$server") - before))" -v n="$runs" -v hz="$ticks" \
		'BEGIN {printf "%s %s %.1f\n", m, b, c + t*1000/hz/n}'
}
read -r cli cli_best cli_cpu < <(served)
# the optimizing compiler keeps working for the first few dozen calls: then, after 40 more
for ((i = 0; i < 40; i++)); do "$root/ipcscope" list --json >/dev/null; done
read -r warm warm_best warm_cpu < <(served)
"$root/ipcscope" daemon stop >/dev/null
stop_helpers

echo "Busy machine: $helpers helper processes, $processes_1 / $processes processes in all (phase 1 / 2), $objects IPC objects listed"
echo
echo "| what | median of $runs (ms) | best (ms) | CPU per run (ms) | median vs lsof -n |"
echo "| --- | ---: | ---: | ---: | ---: |"
ratio() { # of $1 to ${2:-lsof -n of phase 1}
	awk -v a="${2:-$lsof_ms}" -v b="$1" 'BEGIN {printf (a >= b ? "%.1fx faster" : "%.1fx slower"), (a >= b ? a/b : b/a)}'
}
echo "| IPC Scope refresh in a running JVM, after 250 refreshes (median of 30) | $refresh | $refresh_best | $refresh_cpu | $(ratio "$refresh") |"
echo "| ./ipcscope list --json, end to end, served: first $runs calls after the server's start (server's CPU included) | $cli | $cli_best | $cli_cpu | $(ratio "$cli" "$lsof2_ms") |"
echo "| ./ipcscope list --json, end to end, served: after 40 more calls | $warm | $warm_best | $warm_cpu | $(ratio "$warm" "$lsof2_ms") |"
echo "| ./ipcscope list --json, first call, no server running (median of $cold_runs) | $cold | $cold_best | $cold_cpu | $(ratio "$cold" "$lsof2_ms") |"
echo "| IPCSCOPE_DAEMON=0 ./ipcscope list --json (a JVM of its own each time) | $direct | $direct_best | $direct_cpu | $(ratio "$direct" "$lsof2_ms") |"
echo "| lsof -n (phase 1, with the refresh) | $lsof_ms | $lsof_best | $lsof_cpu | 1.0x |"
echo "| lsof -n (phase 2, with the command line: its rows compare with this) | $lsof2_ms | $lsof2_best | $lsof2_cpu | 1.0x |"
echo "| ipcs -a | $ipcs_ms | $ipcs_best | $ipcs_cpu | |"
echo "| ss -xap | $ss_ms | $ss_best | $ss_cpu | |"
echo "| lsof -n; ipcs -a; ss -xap | $all_ms | $all_best | $all_cpu | |"
