#!/usr/bin/env bash
# Served `./ipcscope list --json` under concurrent clients: starts a resident server (in a runtime
# directory of this run's own), waits out its warm-up, then times CALLS calls from one client, and
# CALLS calls from each of CLIENTS clients at once. Prints, for each, the median and the 90th
# percentile of one call's wall time, the wall time of the whole batch and the calls per second,
# and how many calls the server answered (the others ran in a JVM of their own: a declined call).
# Needs the product built (./ipcscope builds it). Linux only (the server's socket).
# IPCSCOPE=PATH/ipcscope times another product's launcher (e.g. a copy with other jars, to compare
# two builds in alternating runs on a machine whose load changes); the default is ./ipcscope.
# Usage: [IPCSCOPE=...] bench/served-concurrency.sh [CLIENTS] [CALLS]   (bash 5: EPOCHREALTIME)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
clients=${1:-8}
calls=${2:-10}
ipcscope=${IPCSCOPE:-$root/ipcscope}
export LC_ALL=C.UTF-8
unset IPCSCOPE_DAEMON IPCSCOPE_FIFO_DIRS
work=$(mktemp -d)
export XDG_RUNTIME_DIR="$work/run" IPCSCOPE_DAEMON_IDLE=600
mkdir -m 700 "$XDG_RUNTIME_DIR"
cleanup() {
	"$ipcscope" daemon stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

served_count() { { "$ipcscope" daemon status 2>/dev/null || true; } | sed -n 's/.*, \([0-9]*\) requests served$/\1/p'; }
"$ipcscope" list --json >"$work/objects.json" # answered by a JVM of its own, which starts the server
until [ -n "$(served_count)" ]; do sleep 0.1; done
sleep 12 # the server's warm-up (10 s at most)
objects=$(grep -c '"kind"' "$work/objects.json" || true)

client() { # $1: file for one wall time (µs) a line
	local i start end
	for ((i = 0; i < calls; i++)); do
		start=${EPOCHREALTIME/[.,]/}
		"$ipcscope" list --json >/dev/null
		end=${EPOCHREALTIME/[.,]/}
		echo $((10#$end - 10#$start)) >>"$1"
	done
}
batch() { # $1: clients at once; prints "median p90 wall calls/s served"
	local n=$1 i before start end pids=()
	rm -f "$work"/times-*
	before=$(served_count)
	start=${EPOCHREALTIME/[.,]/}
	for ((i = 0; i < n; i++)); do
		client "$work/times-$i" &
		pids+=($!)
	done
	wait "${pids[@]}"
	end=${EPOCHREALTIME/[.,]/}
	cat "$work"/times-* | sort -n | awk -v wall=$((10#$end - 10#$start)) -v served=$(($(served_count) - before - 0)) \
		'{a[NR]=$1} END {printf "%.1f %.1f %.2f %.1f %d/%d\n", a[int((NR+1)/2)]/1000, a[int(NR*0.9+0.5)]/1000,
			wall/1e6, NR/(wall/1e6), served, NR}'
}
client "$work/warm" # a round more for the compiler, not counted
read -r one_median one_p90 one_wall one_rate one_served < <(batch 1)
read -r many_median many_p90 many_wall many_rate many_served < <(batch "$clients")

echo "$(nproc) cores, $objects IPC objects listed, $calls calls per client"
echo
echo "| clients at once | median of one call (ms) | 90th percentile (ms) | whole batch (s) | calls per second | served |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| 1 | $one_median | $one_p90 | $one_wall | $one_rate | $one_served |"
echo "| $clients | $many_median | $many_p90 | $many_wall | $many_rate | $many_served |"
