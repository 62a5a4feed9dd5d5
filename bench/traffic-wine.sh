#!/usr/bin/env bash
# What traffic capture costs a target, under Wine: a named pipe ping-pong between two mingw-built
# helpers (bundles/org.ipcscope.win32.tests/native/traffic_helper.c), capture off and on, and a
# flood of 10 000 messages from one sender to a captured server.
# Runs TrafficBenchmark in a Windows JVM under Wine in a prefix of its own; prints a Markdown table and keeps it in
# bench/target/benchmarks/traffic-wine.txt.
# Needs wine, mingw (gcc-mingw-w64-x86-64) and the Maven repository (./run-tests fills it).
# The ping-pong alternates ROUNDS rounds without and with capture (default 5) in the same two
# processes and reports the median of the rounds' medians, so that a change of load touches both.
# Usage: [ROUNDS=N] [SKIP_BUILD=1] bench/traffic-wine.sh [ROUND_TRIPS_PER_ROUND] [PAYLOAD_SIZE]...
#        (default 2000 64 4096; SKIP_BUILD=1 runs what an earlier build of the tree left)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/releng/scripts/find-jdk.sh"
find_jdk
. "$root/bench/bench-build.sh"
if [ "${SKIP_BUILD:-}" != 1 ]; then
	bench_build "$root"
fi
rounds=${ROUNDS:-5}
case $rounds in
'' | *[!0-9]* | 0) echo "ROUNDS must be a positive number" >&2 && exit 2 ;;
esac

tests="$root/bundles/org.ipcscope.win32.tests"
work="$root/bench/target/bench-traffic"
jars="$root/bench/target/wine-classpath"
java_exe=$(ls "$root"/target/windows-jre-*/sonar-scanner-*/jre/bin/java.exe | head -n 1)
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}
class_path=""
for entry in "$root/bench/target/wine-classes" "$tests/target/classes" "$root/bundles/org.ipcscope.win32/target/classes" \
	"$root/bundles/org.ipcscope.cli/target/classes" "$root/bundles/org.ipcscope.core/target/classes" "$jars"/jna-[0-9]*.jar "$jars"/jna-platform-*.jar \
	"$jars"/junit-platform-console-standalone-*.jar; do
	class_path="${class_path:+$class_path;}$(windows_path "$entry")"
done

export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
unset DISPLAY
stop_wine() {
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
}
trap stop_wine EXIT
rm -rf "$work"
mkdir -p "$work" "$root/bench/target/benchmarks"
wineboot -i >/dev/null 2>&1
wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
stop_wine
printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' >"$work/java.security"

{
	echo "Traffic capture under Wine $(wine --version 2>/dev/null | sed 's/^wine-//'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
	wine "$java_exe" "-Djava.security.properties=$(windows_path "$work/java.security")" \
		"-Dipcscope.win32.helpers=$(windows_path "$tests/target/helpers")" -XX:ActiveProcessorCount=2 \
		"-Dipcscope.bench.rounds=$rounds" \
		--enable-native-access=ALL-UNNAMED -cp "$class_path" org.ipcscope.win32.internal.traffic.TrafficBenchmark "$@"
} | tee "$root/bench/target/benchmarks/traffic-wine.txt"
