#!/usr/bin/env bash
# Inventory benchmark on a busy machine: 300 helper processes hold shared memory, pipes, FIFOs,
# Unix and loopback sockets; then, in the same run, time
#   - one refresh inside a running IPC Scope (warm JVM, as the view's auto-refresh),
#   - ./ipcscope list --json end to end,
#   - lsof -n, ipcs -a and ss -xap gathering the same facts.
# Needs the product built (./ipcscope builds it) and the Debian packages lsof, iproute2, util-linux.
# Usage: bench/linux-inventory.sh [HELPERS] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
helpers=${1:-300}
runs=${2:-10}
. "$root/releng/scripts/find-jdk.sh"
find_jdk
export LC_ALL=C.UTF-8
"$root/ipcscope" list --kind fifo >/dev/null # builds the product if missing
for tool in lsof ipcs ss; do
	command -v $tool >/dev/null || { echo "$tool is missing (apt-get install lsof iproute2 util-linux)" >&2; exit 1; }
done
product="$root/releng/org.ipcscope.product/target/products/org.ipcscope.product/linux/gtk/x86_64/ipcscope"
work=$(mktemp -d)
helper="$work/ipc_helper"
gcc -O2 -o "$helper" "$root/bundles/org.ipcscope.tests.support/native/ipc_helper.c" -lrt
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/hold"
exec 3<>"$work/hold" # keeps every helper's stdin open until the end
for i in $(seq "$helpers"); do
	"$helper" posix "/ipcscope-bench-$$-$i" 65536 sysv $((0x1B000000 + $$ % 4096 * 1024 + i)) 4096 \
		fifo "$work/fifo-$i" pipe unix "@ipcscope-bench-$$-$i" tcp udp <&3 >"$work/ready-$i" 2>&1 &
	pids+=($!)
done
for i in $(seq "$helpers"); do
	until [ "$(grep -c READY "$work/ready-$i" 2>/dev/null)" -ge 7 ]; do sleep 0.05; done
done

median_ms() { # runs "$@" $runs times, prints the median wall time in ms
	local times=()
	for _ in $(seq "$runs"); do
		local start end
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1
		end=$(date +%s%N)
		times+=($(((end - start) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

plugin() { ls "$product"/plugins/"$1"_*.jar | head -n 1; }
cp="$(plugin org.ipcscope.core):$(plugin org.ipcscope.linux):$(plugin com.sun.jna)"
"$JAVA_HOME/bin/javac" -d "$work" -cp "$cp" "$root/bench/InventoryRefreshBench.java"
read -r refresh objects < <("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$work:$cp" InventoryRefreshBench 30)
# the command line's class data archive is made by its first run: make it from this command
rm -f "$HOME"/.ipcscope/cli-*.jsa
"$root/ipcscope" list --json >/dev/null
cli=$(median_ms "$root/ipcscope" list --json)
lsof_ms=$(median_ms lsof -n)
ipcs_ms=$(median_ms ipcs -a)
ss_ms=$(median_ms ss -xap)
all_ms=$(median_ms sh -c 'lsof -n; ipcs -a; ss -xap')

echo "Busy machine: $helpers helper processes, $(ls /proc | grep -c '^[0-9]') processes in all, $objects IPC objects listed"
echo
echo "| what | median of $runs (ms) | vs lsof -n |"
echo "| --- | ---: | ---: |"
ratio() { awk -v a="$lsof_ms" -v b="$1" 'BEGIN {printf "%.1fx faster", a/b}'; }
echo "| IPC Scope refresh in a running JVM (median of 30) | $refresh | $(ratio "$refresh") |"
echo "| ./ipcscope list --json, end to end | $cli | $(ratio "$cli") |"
echo "| lsof -n | $lsof_ms | 1.0x |"
echo "| ipcs -a | $ipcs_ms | |"
echo "| ss -xap | $ss_ms | |"
echo "| lsof -n; ipcs -a; ss -xap | $all_ms | |"
