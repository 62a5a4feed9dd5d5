#!/bin/bash
# The Windows command line's resident server under Wine: the real PipeServer of the win32 product,
# run by the Windows JVM, asked by the served client of ipcscope-cli.exe (served_client.c, driven by
# native/served_probe.c, both built here with mingw). Checks that
#   - two consecutive served calls of `list --json`, `processes` and `regions PID` print what a JVM
#     of its own prints (the lister's own processes and the `taken` time aside), with its exit code,
#     and `regions` of a missing process exits 4 with the same message;
#   - a pipe squatted by another owner before the server (pipe_squatter.exe) is refused by the client
#     (nothing printed, the command falls back to a JVM of its own), and a server started for that
#     name refuses to share it;
#   - a server exits after its idle time, and the next call falls back.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe WINE_HELPERS=DIR served-win32-test.sh PRODUCT_ZIP WORK_DIR
#
#   WINE_HELPERS  win_shm_helper.exe, win_mem_helper.exe, pipe_squatter.exe
#                 (bundles/org.ipcscope.win32.tests/native/build-helpers.sh)
#   WORK_DIR      emptied; the unpacked product, the Wine prefix, every output and served-win32-test.log
#
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

if [ $# -ne 2 ] || [ -z "${WIN_JAVA:-}" ] || [ -z "${WINE_HELPERS:-}" ]; then
	sed -n '2,20p' "$0" >&2
	exit 64
fi
here=$(dirname "$(realpath "$0")")
root=$(realpath "$here/../..")
zip=$(realpath -m "$1")
work=$(realpath -m "$2")
helpers=$(realpath -m "$WINE_HELPERS")
rm -rf "$work"
mkdir -p "$work"
exec > >(tee "$work/served-win32-test.log") 2>&1

failures=0
check() { # check DESCRIPTION COMMAND...: counts a failure, goes on
	if "${@:2}"; then
		echo "served-win32: ok: $1"
	else
		echo "served-win32: FAILED: $1"
		failures=$((failures + 1))
	fi
}
fail() {
	echo "served-win32: FAILED: $*"
	exit 1
}
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}

export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
unset DISPLAY
stop_all() {
	exec 3>&- 4>&- 5>&- 2>/dev/null || true
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
}
trap stop_all EXIT

x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -municode -static -I"$root/releng/org.ipcscope.product/launchers" \
	-o "$work/served_probe.exe" "$here/native/served_probe.c" "$root/releng/org.ipcscope.product/launchers/served_client.c" -ladvapi32
mkdir -p "$work/product"
unzip -q "$zip" -d "$work/product"
plugins="$work/product/ipcscope/plugins"
classpath=
for bundle in org.ipcscope.cli org.ipcscope.core org.ipcscope.win32 com.sun.jna com.sun.jna.platform; do
	jars=("$plugins/${bundle}"_*.jar)
	[ -f "${jars[0]}" ] || fail "no $bundle in $zip"
	classpath+="${classpath:+;}$(windows_path "${jars[0]}")"
done
. "$root/releng/scripts/wine-prefix.sh"
wine_prefix_init "$work/wineboot.log" || fail "wineboot failed (see $work/wineboot.log)"
printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' > "$work/wine-java.security"
# what every Windows JVM here needs under Wine (docs/dev/testing.md); no perf data: no section of the lister's own
vm_options="-Djava.security.properties=$(windows_path "$work/wine-java.security") -XX:ActiveProcessorCount=2 -XX:-UsePerfData"
java=$(windows_path "$WIN_JAVA")
log="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/IPC Scope/daemon.log"

# direct OUT ARGS...: a JVM of its own, as ipcscope-cli.exe starts it without a server; sets $status
direct() {
	local out=$1
	shift
	set +e
	# shellcheck disable=SC2086
	wine "$WIN_JAVA" $vm_options -cp "$classpath" org.ipcscope.cli.internal.Main "$@" >"$work/$out" 2>"$work/$out.err" 3>&- 4>&- 5>&-
	status=$?
	set -e
}
# served PIPE OUT ARGS...: the served client; sets $status (222: not served)
served() {
	local pipe=$1 out=$2
	shift 2
	set +e
	wine "$work/served_probe.exe" call "$pipe" "$@" >"$work/$out" 2>"$work/$out.err" 3>&- 4>&- 5>&-
	status=$?
	set -e
}
pipe_for() {
	wine "$work/served_probe.exe" name "$1" | tr -d '\r'
}
start_server() {
	wine "$work/served_probe.exe" start "$java" "$vm_options" "$classpath" "$1" 3>&- 4>&- 5>&-
}
# wait_served PIPE: until the server answers daemon status (a JVM start under Wine takes seconds)
wait_served() {
	local deadline=$((SECONDS + 120))
	while [ $SECONDS -lt $deadline ]; do
		served "$1" status.txt daemon status
		[ "$status" -eq 0 ] && return 0
		sleep 0.5
	done
	return 1
}
# what a JVM of its own and the server list alike: the listers' own processes (java.exe, the
# client) and the server's pipe are not the system's
normalize() {
	tr -d '\r' <"$1" | python3 -c '
import json, re, sys
text = sys.stdin.read()
own = {"java.exe", "served_probe.exe", "ipcscope-cli.exe"}
try:
    doc = json.loads(text)
except ValueError:
    # table output: drop the listers own rows
    print("\n".join(l for l in text.splitlines() if not any(p in l for p in own)))
    sys.exit(0)
doc.pop("taken", None)
objects = []
for o in doc.get("objects", []):
    if "ipcscope-S-" in o.get("name", ""):
        continue
    o["owners"] = [w for w in o.get("owners", []) if w.get("process") not in own]
    objects.append(o)
doc["objects"] = objects
print(json.dumps(doc, indent=1, sort_keys=True))
'
}
same() { # same A B: normalized outputs equal (the diff is logged)
	diff <(normalize "$work/$1") <(normalize "$work/$2") >"$work/$1-vs-$2.diff"
}
jvm_warnings() { # the Windows JVM's own warnings under Wine (process group affinity) are not the command's
	tr -d '\r' <"$1" | grep -v '^OpenJDK 64-Bit Server VM warning' || true
}

# helpers: a section for list, a process for regions
section="Local\\ipcscope-served-$$"
mkfifo "$work/shm.stdin" "$work/mem.stdin"
wine "$helpers/win_shm_helper.exe" "$section" 100000 <"$work/shm.stdin" >"$work/shm.out" 2>&1 &
exec 3>"$work/shm.stdin"
wine "$helpers/win_mem_helper.exe" 300 <"$work/mem.stdin" >"$work/mem.out" 2>&1 &
exec 4>"$work/mem.stdin"
deadline=$((SECONDS + 60))
until grep -q READY "$work/shm.out" && grep -q 'READY pid=' "$work/mem.out"; do
	[ $SECONDS -lt $deadline ] || fail "helpers not ready: $(cat "$work/shm.out" "$work/mem.out")"
	sleep 0.1
done
pid=$(tr -d '\r' <"$work/mem.out" | sed -n 's/^READY pid=\([0-9]*\)$/\1/p')

pipe=$(pipe_for "test-$$")
served "$pipe" none.json list --json
check "no server yet: the call falls back without printing" test "$status" -eq 222 -a ! -s "$work/none.json"
start_server "$pipe"
check "the server answers within 120 s" wait_served "$pipe"

for verb in "list --json" "processes" "regions $pid"; do
	name=${verb%% *}
	direct "direct-$name.out" $verb
	direct_status=$status
	served "$pipe" "served1-$name.out" $verb
	check "$verb served: exit code $status as direct ($direct_status)" test "$status" -eq "$direct_status"
	served "$pipe" "served2-$name.out" $verb
	check "$verb served again: exit code $status" test "$status" -eq "$direct_status"
	check "$verb served prints what a JVM of its own prints" same "direct-$name.out" "served1-$name.out"
	check "$verb served twice prints the same" same "served1-$name.out" "served2-$name.out"
done
check "list --json lists the helper's section" grep -qF "\"name\": \"${section//\\/\\\\}\"" "$work/served1-list.out"
check "regions lists the helper's image" grep -q 'win_mem_helper\.exe' "$work/served1-regions.out"

direct missing.out regions 999999
direct_status=$status
served "$pipe" served-missing.out regions 999999
check "regions of a missing process: exit 4 direct ($direct_status) and served ($status)" test "$direct_status" -eq 4 -a "$status" -eq 4
check "regions of a missing process: the same message" diff <(jvm_warnings "$work/missing.out.err") <(jvm_warnings "$work/served-missing.out.err")

# squatting: another owner's pipe holds the name first
squatted=$(pipe_for "squatted-$$")
mkfifo "$work/squatter.stdin"
wine "$helpers/pipe_squatter.exe" "$squatted" S-1-5-21-1-2-3-1001 <"$work/squatter.stdin" >"$work/squatter.out" 2>&1 &
exec 5>"$work/squatter.stdin"
deadline=$((SECONDS + 60))
until grep -q READY "$work/squatter.out"; do
	[ $SECONDS -lt $deadline ] || fail "squatter not ready: $(cat "$work/squatter.out")"
	sleep 0.1
done
served "$squatted" squatted.out list --json
check "a squatted pipe: the client falls back (222), prints nothing on stdout" test "$status" -eq 222 -a ! -s "$work/squatted.out"
check "a squatted pipe: the client says why" grep -q "not this user's" "$work/squatted.out.err"
check "a squatted pipe: its answer was not taken" bash -c "! grep -q squatted '$work/squatted.out'"
before=$(grep -c . "$log" || true)
start_server "$squatted"
deadline=$((SECONDS + 120))
until [ "$(grep -c 'exists already' "$log" || true)" -gt 0 ] || [ $SECONDS -ge $deadline ]; do
	sleep 0.5
done
check "a server for a squatted name refuses to share it" grep -q "cannot serve at ${squatted//\\/\\\\}: the pipe exists already" "$log"
exec 5>&-

# idle time: a server of its own with 3 s
idle_pipe=$(pipe_for "idle-$$")
IPCSCOPE_DAEMON_IDLE=3 start_server "$idle_pipe"
check "the idle test's server answers" wait_served "$idle_pipe"
# every request restarts the idle time: wait for the server's own word, then ask
deadline=$((SECONDS + 60))
until grep -q "stopping: idle for 3.0 s" "$log" || [ $SECONDS -ge $deadline ]; do
	sleep 0.5
done
served "$idle_pipe" idle.out daemon status
check "the server exits after 3 s idle: the next call falls back" test "$status" -eq 222
check "the server logged why it stopped" grep -q "stopping: idle for 3.0 s" "$log"

cp "$log" "$work/daemon.log" 2>/dev/null || true
if [ "$failures" -ne 0 ]; then
	echo "served-win32: $failures checks FAILED"
	exit 1
fi
echo "served-win32: OK"
