#!/usr/bin/env bash
# What WM_COPYDATA capture costs a sender, under Wine: the round trip of a synchronous WM_COPYDATA
# from a sender process to a receiver window (both mingw-built, bundles/org.ipcscope.win32.tests/
# native/copydata_helper.c) without capture, through the proxy, and with the in-process DLL, and
# the messages per second one sender gets through. Runs CopyDataBenchmark in a Windows JVM under
# Wine in a prefix of its own; prints a Markdown table and keeps it in
# bench/target/benchmarks/copydata-wine.txt.
# Needs wine, mingw (gcc-mingw-w64-x86-64) and the Maven repository (./run-tests fills it).
# Usage: bench/copydata-wine.sh [MESSAGES_PER_CASE] [PAYLOAD_SIZE]...   (default 2000 64 4096 65536)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/releng/scripts/find-jdk.sh"
find_jdk
. "$root/bench/bench-build.sh"
bench_build "$root"

tests="$root/bundles/org.ipcscope.win32.tests"
work="$root/bench/target/bench-copydata"
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
	echo "WM_COPYDATA capture under Wine $(wine --version 2>/dev/null | sed 's/^wine-//'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
	wine "$java_exe" "-Djava.security.properties=$(windows_path "$work/java.security")" \
		"-Dipcscope.win32.helpers=$(windows_path "$tests/target/helpers")" -XX:ActiveProcessorCount=2 \
		--enable-native-access=ALL-UNNAMED -cp "$class_path" org.ipcscope.win32.internal.sniff.CopyDataBenchmark "$@"
} | tee "$root/bench/target/benchmarks/copydata-wine.txt"
