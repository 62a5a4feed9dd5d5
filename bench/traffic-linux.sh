#!/usr/bin/env bash
# The cost of traffic capture to its target (docs/performance.md): a pipe ping-pong of 64 B and
# 4 KiB messages, both processes captured, in one run: no capture, `ipcscope tap` (ptrace
# tracer, payloads kept, JSON Lines to /dev/null), and strace with every byte dumped.
# usage: [IPCSCOPE=COMMAND] bench/traffic-linux.sh [ROUND_TRIPS]   (needs ./ipcscope built, and strace)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ipcscope=${IPCSCOPE:-$root/ipcscope} # or a command line of your own (IPCSCOPE=...)
count=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/pingpong" "$root/bench/pipe-pingpong.c"

# run SIZE METHOD: prints the microseconds per round trip
run() {
	local size=$1 method=$2 tracer=
	mkfifo "$work/go"
	"$work/pingpong" "$size" "$count" <"$work/go" >"$work/out" &
	local pp=$!
	exec 7>"$work/go"
	until [ -s "$work/out" ]; do sleep 0.01; done
	read -r _ parent child <"$work/out"
	case $method in
	off) ;;
	tap)
		$ipcscope tap --pid "$parent,$child" --json --cap 65536 >/dev/null 2>"$work/tap.err" &
		tracer=$!
		until grep -q Capturing "$work/tap.err" 2>/dev/null; do sleep 0.01; done
		;;
	strace)
		strace -f -e trace=read,write -e read=all -e write=all -p "$parent" -p "$child" -o /dev/null 2>"$work/strace.err" &
		tracer=$!
		until grep -q 'TracerPid:[[:space:]]*[1-9]' /proc/"$parent"/status && grep -q 'TracerPid:[[:space:]]*[1-9]' /proc/"$child"/status; do sleep 0.01; done
		;;
	esac
	echo go >&7
	exec 7>&-
	wait "$pp"
	[ -n "$tracer" ] && { kill -INT "$tracer" 2>/dev/null || true; wait "$tracer" 2>/dev/null || true; }
	rm -f "$work/go"
	tail -1 "$work/out"
}

printf '| message | no capture | ipcscope tap | strace -e read=all -e write=all |\n| --- | --- | --- | --- |\n'
for size in 64 4096; do
	off=$(run "$size" off)
	tap=$(run "$size" tap)
	st=$(run "$size" strace)
	printf '| %s B | %s µs | %s µs (%.1fx) | %s µs (%.1fx) |\n' "$size" "$off" "$tap" "$(echo "$tap / $off" | bc -l)" "$st" "$(echo "$st / $off" | bc -l)"
done
