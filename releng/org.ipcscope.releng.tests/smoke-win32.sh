#!/bin/bash
# Smoke test of the win32 product: a Windows JVM under Wine runs the archived product's command
# line (`list --kind section --json`) while another Windows process (win_shm_helper.exe) holds a
# Local\ file mapping; the JSON must list that section with namespace Local and its page-rounded size.
# Then `regions PID` of win_mem_helper.exe, which loaded ipcscope_shared_test.dll, must list
# the helper's image, its PEB and the DLL's shared section.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe smoke-win32.sh PRODUCT_ZIP HELPERS_DIR WORK_DIR
#
#   WIN_JAVA     the java.exe of an unpacked Windows x64 JRE (Linux path)
#   PRODUCT_ZIP  the archived product, ipcscope-win32.win32.x86_64.zip
#   HELPERS_DIR  directory holding win_shm_helper.exe, win_mem_helper.exe and ipcscope_shared_test.dll
#                (bundles/org.ipcscope.win32.tests/native/build-helpers.sh)
#   WORK_DIR     emptied, then holds the unpacked product, the Wine prefix, the product's configuration
#                and instance areas and the results: list.json, list.err, regions.txt, regions.err, helper.out,
#                memory-helper.out, smoke-win32.log
#   optional:    SECTION_SIZE (bytes the helper maps, default 100000), EXPECTED_SIZE (default: SECTION_SIZE
#                rounded up to 4 KiB pages, as Wine reports it), SMOKE_TIMEOUT (seconds for the JVM, default 180)
#
# Exits 0 when the section and the regions were listed as expected, non-zero otherwise (the log says why).
set -euo pipefail

if [ $# -ne 3 ] || [ -z "${WIN_JAVA:-}" ]; then
	sed -n '2,20p' "$0" >&2
	exit 64
fi
zip=$(realpath -m "$1")
helpers=$(realpath -m "$2")
work=$(realpath -m "$3")

page=4096
section_size=${SECTION_SIZE:-100000}
expected_size=${EXPECTED_SIZE:-$(((section_size + page - 1) / page * page))}
name="Local\\ipcscope-smoke-$$-$(date +%s%N)"

# Wine maps drive Z: to /, so an absolute Linux path is a Windows path with a Z: in front.
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}

rm -rf "$work"
mkdir -p "$work"
log="$work/smoke-win32.log"
exec > >(tee "$log") 2>&1

fail() {
	echo "smoke-win32: FAILED: $*"
	exit 1
}

elapsed_ms() {
	echo $((($(date +%s%N) - $1) / 1000000))
}

[ -f "$zip" ] || fail "no product archive $zip"
[ -f "$WIN_JAVA" ] || fail "no Windows java.exe at $WIN_JAVA"
[ -f "$helpers/win_shm_helper.exe" ] || fail "no win_shm_helper.exe in $helpers"

export WINEPREFIX="$work/wineprefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
# Headless: the command line never opens a window.
unset DISPLAY

helper_pid=""
stop_all() {
	# closing its stdin ends the helper; the wineserver kill ends whatever is left
	exec 3>&- 2>/dev/null || true
	exec 4>&- 2>/dev/null || true
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
	if [ -n "$helper_pid" ]; then
		wait "$helper_pid" 2>/dev/null || true
	fi
}
trap stop_all EXIT

started=$(date +%s%N)
mkdir -p "$work/product"
if command -v unzip >/dev/null; then
	unzip -q "$zip" -d "$work/product"
elif [ -x "${JAVA_HOME:-}/bin/jar" ]; then
	# no unzip on this machine: the JDK that runs Maven can unpack it
	(cd "$work/product" && "$JAVA_HOME/bin/jar" xf "$zip")
else
	fail "neither unzip nor \$JAVA_HOME/bin/jar to unpack $zip"
fi
product="$work/product/ipcscope"
[ -d "$product/plugins" ] || fail "the archive has no ipcscope/plugins"
launchers=("$product"/plugins/org.eclipse.equinox.launcher_*.jar)
[ ${#launchers[@]} -eq 1 ] && [ -f "${launchers[0]}" ] || fail "expected one equinox launcher jar, found: ${launchers[*]}"
(cd "$product" && find . | sort) > "$work/product-files.before"

# shellcheck source=../scripts/wine-prefix.sh
. "$(dirname "$(realpath "$0")")/../scripts/wine-prefix.sh"
wine_prefix_init "$work/wineboot.log" || fail "wineboot -i failed for $WINEPREFIX (see $work/wineboot.log)"
echo "smoke-win32: product unpacked and prefix ready in $(elapsed_ms "$started") ms"

# Without these providers the JVM dies under Wine 8 on its first SecureRandom use (docs/dev/testing.md).
security="$work/wine-java.security"
printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' > "$security"

# The helper maps the section and prints READY, then holds it until its stdin (fd 3 here) closes.
mkfifo "$work/helper.stdin"
wine "$helpers/win_shm_helper.exe" "$name" "$section_size" < "$work/helper.stdin" > "$work/helper.out" 2>&1 &
helper_pid=$!
exec 3> "$work/helper.stdin"
for _ in $(seq 1 300); do
	grep -q READY "$work/helper.out" 2>/dev/null && break
	kill -0 "$helper_pid" 2>/dev/null || break
	sleep 0.1
done
grep -q READY "$work/helper.out" || fail "the helper did not map $name: $(cat "$work/helper.out")"
echo "smoke-win32: helper holds $name ($section_size bytes)"

# product_cli OUT ARGS...: runs the product's command line with ARGS, stdout into $work/OUT, stderr into
# $work/OUT without its extension plus .err;
# sets $status. -configuration and -data keep the unpacked product as it was installed.
product_cli() {
	local out=$1
	shift
	set +e
	(cd "$work" && timeout --kill-after=10 "${SMOKE_TIMEOUT:-180}" wine "$WIN_JAVA" \
		"-Djava.security.properties=$(windows_path "$security")" -XX:ActiveProcessorCount=2 \
		-jar "$(windows_path "${launchers[0]}")" \
		-configuration "$(windows_path "$work/configuration")" -data "$(windows_path "$work/workspace")" \
		-application org.ipcscope.cli.application "$@") \
		> "$work/$out" 2> "$work/${out%.*}.err" 3>&- 4>&-
	status=$?
	set -e
}

started=$(date +%s%N)
product_cli list.json list --kind section --json
echo "smoke-win32: product ran $(elapsed_ms "$started") ms, exit code $status"
# Wine's own chatter about the Z: volume label is harmless; show the rest.
grep -v 'FS volume label and serial are not available' "$work/list.err" || true
[ "$status" -eq 0 ] || fail "the command line exited with $status (3: the inventory service or its providers did not come up; see $work/configuration/*.log)"

tr -d '\r' < "$work/list.json" > "$work/list.unix.json"
json="$work/list.unix.json"
cat "$json"
grep -q '^  "format": 1,$' "$json" || fail "no \"format\": 1 in the JSON"
grep -q '^  "problems": \[\]$' "$json" || fail "the JSON reports problems"
# InventoryJson writes one object per line; a backslash is escaped as \\ in JSON.
json_name="\"name\": \"${name//\\/\\\\}\""
line=$(grep -F -- "$json_name" "$json" || true)
[ -n "$line" ] || fail "section $name not listed"
[ "$(printf '%s\n' "$line" | wc -l)" -eq 1 ] || fail "section $name listed more than once"
for field in '"kind": "section"' '"namespace": "Local"' "\"size\": $expected_size," '"problem": null'; do
	[[ "$line" == *"$field"* ]] || fail "section $name: expected $field in: $line"
done

# Process memory: `regions PID` of a helper that loaded a DLL with a shared section.
mkfifo "$work/memory-helper.stdin"
wine "$helpers/win_mem_helper.exe" 300 < "$work/memory-helper.stdin" > "$work/memory-helper.out" 2>&1 &
memory_helper_pid=$!
exec 4> "$work/memory-helper.stdin"
echo "load $(windows_path "$helpers/ipcscope_shared_test.dll")" >&4
for _ in $(seq 1 300); do
	grep -q 'OK base=' "$work/memory-helper.out" 2>/dev/null && break
	kill -0 "$memory_helper_pid" 2>/dev/null || break
	sleep 0.1
done
grep -q 'OK base=' "$work/memory-helper.out" || fail "win_mem_helper did not load the DLL: $(cat "$work/memory-helper.out")"
windows_pid=$(tr -d '\r' < "$work/memory-helper.out" | sed -n 's/^READY pid=\([0-9]*\)$/\1/p')
started=$(date +%s%N)
product_cli regions.txt regions "$windows_pid"
echo "smoke-win32: regions $windows_pid ran $(elapsed_ms "$started") ms, exit code $status"
[ "$status" -eq 0 ] || fail "regions $windows_pid exited with $status: $(cat "$work/regions.err")"
# one line a region: START-END SIZE PERMISSIONS TYPE PATH [TAG]
tr -d '\r' < "$work/regions.txt" > "$work/regions.unix.txt"
shared=$(grep -F '[shared section .shared of ipcscope_shared_test.dll]' "$work/regions.unix.txt" || true)
[ -n "$shared" ] || fail "regions $windows_pid lists no shared section of ipcscope_shared_test.dll"
[[ "$shared" =~ \ rw-s\ +image\ +Z:.*\\ipcscope_shared_test\.dll\ \[ ]] || fail "the shared section is not rw-s image: $shared"
grep -q ' image  *Z:.*\\win_mem_helper\.exe$' "$work/regions.unix.txt" || fail "regions $windows_pid lists no image of win_mem_helper.exe"
grep -q ' private  *\[PEB\]$' "$work/regions.unix.txt" || fail "regions $windows_pid lists no PEB"
exec 4>&-
echo "smoke-win32: regions of win_mem_helper.exe (pid $windows_pid) list its image, PEB and the DLL's shared section"

(cd "$product" && find . | sort) > "$work/product-files.after"
diff "$work/product-files.before" "$work/product-files.after" || fail "the run wrote into the product directory"

exec 3>&-
for _ in $(seq 1 100); do
	kill -0 "$helper_pid" 2>/dev/null || break
	sleep 0.1
done
if wait "$helper_pid"; then
	helper_status=0
else
	helper_status=$?
fi
helper_pid=""
[ "$helper_status" -eq 0 ] || fail "the helper exited with $helper_status: $(cat "$work/helper.out")"
echo "smoke-win32: OK: $name listed, namespace Local, size $expected_size"
