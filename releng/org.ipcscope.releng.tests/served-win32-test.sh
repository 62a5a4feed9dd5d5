#!/bin/bash
# The Windows command line's resident server under Wine: ipcscope-cli.exe of the win32 product, its
# served mode (launchers/served_client.c) and the real PipeServer in the product's Windows Java.
# Checks that
#   - the first served verb runs in a JVM of its own and starts a server; then two consecutive calls
#     of `list --json`, `processes` and `regions PID` are served and print what a JVM of its own
#     prints (IPCSCOPE_DAEMON=0; the lister's own processes and the `taken` time aside), with its
#     exit code; `regions` of a missing process exits 4 with the same message either way;
#   - `daemon status` and `daemon stop` answer, with and without a server;
#   - a pipe squatted by another owner before the server (pipe_squatter.exe) is refused by the
#     client (the squatter's answer is not printed, the command runs in a JVM of its own), and the
#     server started then refuses to share the name;
#   - a server started with an idle time (IPCSCOPE_DAEMON_IDLE=5) exits after it, and the next call
#     is not served.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe WINE_HELPERS=DIR served-win32-test.sh PRODUCT_ZIP WORK_DIR
#
#   WINE_HELPERS  win_shm_helper.exe, win_mem_helper.exe, pipe_squatter.exe
#                 (bundles/org.ipcscope.win32.tests/native/build-helpers.sh)
#   WORK_DIR      emptied; the unpacked product, the Wine prefix, every output and served-win32-test.log
#   A product without ipcscope-cli.exe or jre\ gets them here: the launchers built from
#   releng/org.ipcscope.product/launchers, the JRE of WIN_JAVA copied.
#
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

if [ $# -ne 2 ] || [ -z "${WIN_JAVA:-}" ] || [ -z "${WINE_HELPERS:-}" ]; then
	sed -n '2,25p' "$0" >&2
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
unset DISPLAY IPCSCOPE_DAEMON IPCSCOPE_DAEMON_IDLE IPCSCOPE_DAEMON_TIMEOUT
stop_all() {
	exec 3>&- 4>&- 5>&- 2>/dev/null || true
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
}
trap stop_all EXIT

mkdir -p "$work/unpacked"
unzip -q "$zip" -d "$work/unpacked"
product="$work/unpacked/ipcscope"
[ -d "$product/plugins" ] || fail "the archive has no ipcscope/plugins"
. "$root/releng/scripts/win32-cli.sh"
win32_cli_complete "$product" "$WIN_JAVA" "$work/launchers" || fail "cannot build the launchers"
cli="$product/ipcscope-cli.exe"
. "$root/releng/scripts/wine-prefix.sh"
wine_prefix_init "$work/wineboot.log" || fail "wineboot failed (see $work/wineboot.log)"
log="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/IPC Scope/daemon.log"

# run OUT ARGS...: ipcscope-cli.exe, stdout into $work/OUT, stderr into $work/OUT.err; sets $status
run() {
	local out=$1
	shift
	set +e
	wine "$cli" "$@" >"$work/$out" 2>"$work/$out.err" 3>&- 4>&- 5>&-
	status=$?
	set -e
}
# waits until the server answers daemon status (its JVM start under Wine takes seconds)
wait_served() {
	local deadline=$((SECONDS + 120))
	while [ $SECONDS -lt $deadline ]; do
		run status.txt daemon status
		[ "$status" -eq 0 ] && return 0
		sleep 0.5
	done
	return 1
}
wait_log() { # wait_log PATTERN: until the server log has a line matching PATTERN (grep -E), 120 s at most
	local deadline=$((SECONDS + 120))
	until grep -qE "$1" "$log" 2>/dev/null; do
		[ $SECONDS -lt $deadline ] || return 1
		sleep 0.5
	done
}
# what a JVM of its own and the server list alike: the listers' own processes (java.exe, the
# client) and the server's pipe are not the system's
normalize() {
	tr -d '\r' <"$1" | python3 -c '
import json, sys
text = sys.stdin.read()
own = {"java.exe", "ipcscope-cli.exe"}
try:
    doc = json.loads(text)
except ValueError:
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
same() { # same A B: normalized outputs equal (the diff is kept)
	diff <(normalize "$work/$1") <(normalize "$work/$2") >"$work/$1-vs-$2.diff"
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

run status-none.txt daemon status
check "daemon status without a server: exit 3, says so" test "$status" -eq 3
check "daemon status without a server names the pipe" grep -q 'No server is running (\\\\\.\\pipe\\ipcscope-S-' "$work/status-none.txt"
pipe=$(tr -d '\r' <"$work/status-none.txt" | sed -n 's/^No server is running (\(.*\)); .*/\1/p')
run first.json list --json
check "the first list runs in a JVM of its own: exit 0, the helper's section listed" \
	grep -qF "\"name\": \"${section//\\/\\\\}\"" "$work/first.json"
check "the first list started a server that answers" wait_served
check "the server serves the pipe daemon status named" grep -qF "pipe: $pipe" "$work/status.txt"

# Wine's own services start processes and pipe instances now and then: a pair that differs is
# taken again (up to 3 times), so that one pair taken together must be equal
for verb in "list --json" "processes" "regions $pid"; do
	name=${verb%% *}
	for attempt in 1 2 3; do
		IPCSCOPE_DAEMON=0 run "direct-$name.out" $verb
		direct_status=$status
		run "served1-$name.out" $verb
		served_status=$status
		run "served2-$name.out" $verb
		if same "direct-$name.out" "served1-$name.out" && same "served1-$name.out" "served2-$name.out"; then
			break
		fi
		echo "served-win32: $verb: attempt $attempt differs (the diffs are kept in $work)"
		cp "$work/direct-$name.out-vs-served1-$name.out.diff" "$work/attempt$attempt-$name.diff"
	done
	check "$verb served: exit code $served_status as direct ($direct_status)" test "$served_status" -eq "$direct_status"
	check "$verb served again: exit code $status" test "$status" -eq "$direct_status"
	check "$verb served prints what a JVM of its own prints" same "direct-$name.out" "served1-$name.out"
	check "$verb served twice prints the same" same "served1-$name.out" "served2-$name.out"
done
check "list --json served lists the helper's section" grep -qF "\"name\": \"${section//\\/\\\\}\"" "$work/served1-list.out"
check "regions served lists the helper's image" grep -q 'win_mem_helper\.exe' "$work/served1-regions.out"
run status-served.txt daemon status
check "the calls above were served: the server counts at least 6" \
	test "$(tr -d '\r' <"$work/status-served.txt" | sed -n 's/.*, \([0-9]*\) requests served$/\1/p')" -ge 6

IPCSCOPE_DAEMON=0 run missing.out regions 999999
direct_status=$status
run served-missing.out regions 999999
check "regions of a missing process: exit 4 direct ($direct_status) and served ($status)" test "$direct_status" -eq 4 -a "$status" -eq 4
check "regions of a missing process: the same message" diff "$work/missing.out.err" "$work/served-missing.out.err"

run stop.txt daemon stop
check "daemon stop: exit 0" test "$status" -eq 0
check "daemon stop: the server says it stops" grep -q '^Stopped the server' "$work/stop.txt"
check "the stopped server logged why" wait_log 'stopping: asked to stop'

# squatting: a pipe of another owner holds the name before the server
mkfifo "$work/squatter.stdin"
wine "$helpers/pipe_squatter.exe" "$pipe" S-1-5-21-1-2-3-1001 <"$work/squatter.stdin" >"$work/squatter.out" 2>&1 &
exec 5>"$work/squatter.stdin"
deadline=$((SECONDS + 60))
until grep -q READY "$work/squatter.out"; do
	[ $SECONDS -lt $deadline ] || fail "squatter not ready: $(cat "$work/squatter.out")"
	sleep 0.1
done
run squatted.json list --json
check "a squatted pipe: the client says it is not this user's" grep -q "not this user's" "$work/squatted.json.err"
# (the section's helper has exited by now: it holds it for 60 s)
check "a squatted pipe: its answer was not taken" bash -c "! grep -q squatted '$work/squatted.json'"
check "a squatted pipe: the JVM of its own listed" grep -q '^  "format": 1,' "$work/squatted.json"
check "a squatted pipe: the exit code is the JVM's own (0)" test "$status" -eq 0
check "a server for a squatted name refuses to share it" wait_log 'the pipe exists already: another program holds its name \(owner S-1-5-21-1-2-3-1001\)'
exec 5>&-
deadline=$((SECONDS + 60))
while grep -q . "$work/squatter.out" && pgrep -f pipe_squatter.exe >/dev/null && [ $SECONDS -lt $deadline ]; do
	sleep 0.2
done

# idle time: a server of 5 s
IPCSCOPE_DAEMON_IDLE=5 run idle-first.json list --json
# (asked with daemon status, a busy machine's client may start later than the 5 s run out)
check "a server with 5 s idle time starts" wait_log 'idle timeout 5\.0 s\)'
check "it exits after 5 s without requests" wait_log 'stopping: idle for 5.0 s'
# the server logs its reason, then lets the pipe go: ask until it is gone (up to 30 s)
deadline=$((SECONDS + 30))
run idle-status.txt daemon status
while [ "$status" -ne 3 ] && [ $SECONDS -lt $deadline ]; do
	sleep 0.5
	run idle-status.txt daemon status
done
check "after it: no server answers (exit 3)" test "$status" -eq 3

cp "$log" "$work/daemon.log" 2>/dev/null || true
if [ "$failures" -ne 0 ]; then
	# what the calls said on stderr, so that a failure on a machine we cannot see can be read
	for err in "$work"/*.err; do
		[ -s "$err" ] && echo "served-win32: $(basename "$err"): $(tr -d '\r' <"$err" | head -c 400)"
	done
	echo "served-win32: $failures checks FAILED"
	exit 1
fi
echo "served-win32: OK"
