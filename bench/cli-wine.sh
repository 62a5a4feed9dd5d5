#!/usr/bin/env bash
# What a command-line call of the win32 product costs under Wine, served or not: in one run, for
# `list --json` and `regions PID` (of win_mem_helper.exe), the wall time of ipcscope-cli.exe
#   - with IPCSCOPE_DAEMON=0: a JVM of its own every time (the peer);
#   - as the first call, no server running: a JVM of its own while it starts the server beside it;
#   - served by a warm server;
# and, for comparison, the product's OSGi application (-application org.ipcscope.cli.application).
# Rounds alternate the cases. Prints a Markdown table of medians (best in brackets).
# Needs wine, mingw, unzip, the built win32 product and the Windows JRE (./run-tests or ./mvnw package).
# Usage: bench/cli-wine.sh [ROUNDS]   (default 5; the warm case runs 2 calls a round)
# PRODUCT_ZIP and WIN_JAVA (a Windows java.exe) choose another archive and JRE than the build's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}
zip=${PRODUCT_ZIP:-$root/releng/org.ipcscope.product/target/products/ipcscope-win32.win32.x86_64.zip}
java_exe=${WIN_JAVA:-$(ls "$root"/target/windows-jre-*/sonar-scanner-*/jre/bin/java.exe | head -n 1)}
work="$root/bench/target/cli-wine"
rm -rf "$work"
mkdir -p "$work"
unzip -q "$zip" -d "$work"
product="$work/ipcscope"
. "$root/releng/scripts/win32-cli.sh"
win32_cli_complete "$product" "$java_exe" "$work/launchers" >/dev/null
"$root/bundles/org.ipcscope.win32.tests/native/build-helpers.sh" "$work/helpers"
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}

export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
unset DISPLAY IPCSCOPE_DAEMON IPCSCOPE_DAEMON_IDLE
trap 'exec 4>&- 2>/dev/null; wineserver -k 2>/dev/null; wineserver -w 2>/dev/null || true' EXIT
. "$root/releng/scripts/wine-prefix.sh"
wine_prefix_init "$work/wineboot.log"
log="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/IPC Scope/daemon.log"

mkfifo "$work/mem.stdin"
wine "$work/helpers/win_mem_helper.exe" 3600 <"$work/mem.stdin" >"$work/mem.out" 2>&1 &
exec 4>"$work/mem.stdin"
until grep -q 'READY pid=' "$work/mem.out"; do sleep 0.1; done
pid=$(tr -d '\r' <"$work/mem.out" | sed -n 's/^READY pid=\([0-9]*\)$/\1/p')
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar)

declare -A times
# timed CASE COMMAND...: appends the wall time in ms to times[CASE]; the command must exit 0
timed() {
	local case=$1 start
	shift
	start=$(date +%s%N)
	"$@" >"$work/out" 2>"$work/err" 4>&- || { echo "$case failed: $(cat "$work/err")" >&2; exit 1; }
	times[$case]+=" $((($(date +%s%N) - start) / 1000000))"
}
cli() { wine "$product/ipcscope-cli.exe" "$@"; }
served_count() { cli daemon status 2>/dev/null | tr -d '\r' | sed -n 's/.*, \([0-9]*\) requests served$/\1/p'; }
wait_server() { # until a server answers; then until it has warmed up (its warm-up ends within 10 s)
	until cli daemon status >/dev/null 2>&1; do sleep 0.5; done
	sleep 12
}
stop_server() {
	cli daemon stop >/dev/null 2>&1 || true
	# the pipe goes with the process: until no server answers
	while cli daemon status >/dev/null 2>&1; do sleep 0.5; done
}

for verb in "list --json" "regions $pid"; do
	name=${verb%% *}
	for ((round = 1; round <= rounds; round++)); do
		stop_server
		timed "$name direct" env IPCSCOPE_DAEMON=0 wine "$product/ipcscope-cli.exe" $verb
		timed "$name first" cli $verb
		wait_server
		before=$(served_count)
		timed "$name warm" cli $verb
		timed "$name warm" cli $verb
		after=$(served_count)
		[ $((after - before)) -ge 2 ] || { echo "warm calls were not served ($before -> $after)" >&2; exit 1; }
		if [ "$round" -le 2 ]; then
			timed "$name osgi" wine "$java_exe" "-Djava.security.properties=$(windows_path "$product/jre/conf/security/ipcscope.security")" \
				-XX:ActiveProcessorCount=2 -jar "$(windows_path "$launcher")" -configuration "$(windows_path "$work/configuration")" \
				-data "$(windows_path "$work/workspace")" -application org.ipcscope.cli.application $verb
		fi
	done
done
stop_server

stats() { # median and best of the numbers given
	sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f (%d)", m, v[1] }'
}
echo
echo "| call under Wine 8.0 | \`list --json\` ms | \`regions PID\` ms |"
echo "| --- | ---: | ---: |"
for case in "direct:ipcscope-cli.exe, IPCSCOPE_DAEMON=0 (a JVM of its own)" \
	"first:ipcscope-cli.exe, first call (no server: a JVM of its own, the server starting beside it)" \
	"warm:ipcscope-cli.exe, served by a warm server" \
	"osgi:the product's OSGi application (\`-application org.ipcscope.cli.application\`)"; do
	key=${case%%:*}
	printf '| %s | %s | %s |\n' "${case#*:}" "$(tr ' ' '\n' <<<"${times[list $key]}" | grep . | stats)" \
		"$(tr ' ' '\n' <<<"${times[regions $key]}" | grep . | stats)"
done
echo
echo "rounds: $rounds; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
