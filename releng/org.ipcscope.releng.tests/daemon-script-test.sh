#!/bin/bash
# The resident server of `./ipcscope list`, through the real script and the built product, as a
# user meets it: the first list answered by a JVM of its own starts the server, the next ones are
# served (the same objects and owners as IPCSCOPE_DAEMON=0 gives), usage errors come back the same,
# a killed server or a rebuilt product's key falls back to a JVM of its own, `daemon status|stop`,
# the idle timeout; no server is left running. HOME, XDG_RUNTIME_DIR and XDG_CACHE_HOME are private.
#
# usage: JAVA=/path/to/jdk/bin/java PROBE_JAR=... \
#        IPC_HELPER=bundles/org.ipcscope.tests.support/target/native/ipc_helper \
#        daemon-script-test.sh REPOSITORY WORK_DIR SCREENSHOT_DIR
#
#   REPOSITORY       the checkout whose ./ipcscope and built product are tested
#   WORK_DIR         the private home and logs of the run (emptied first)
#   SCREENSHOT_DIR   unused (no display here); kept for the shared usage of these tests
#
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin daemon-script-test "$0" "$@"
repository=$(realpath "$1")
ipcscope="$repository/ipcscope"
# a short runtime directory: a Unix socket's path has at most 107 bytes (a long one is tried below)
runtime=$(mktemp -d "${TMPDIR:-/tmp}/ipcscope-dst.XXXXXX")
export HOME="$SMOKE_WORK/home" XDG_RUNTIME_DIR="$runtime" XDG_CACHE_HOME="$SMOKE_WORK/cache"
export JAVA_HOME
JAVA_HOME=$(dirname "$(dirname "$(realpath "$JAVA")")")
unset IPCSCOPE_DAEMON IPCSCOPE_DAEMON_IDLE IPCSCOPE_FIFO_DIRS
mkdir -p "$HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
SMOKE_REPORT="$SMOKE_WORK/report.txt"
# shellcheck disable=SC2034 # smoke-lib.sh's summary names it
SMOKE_SCREENSHOT="(none)"
: >"$SMOKE_REPORT"

# every process that runs with this test's paths: servers above all
ours() {
	local dir pid
	for dir in /proc/[0-9]*; do
		pid=${dir#/proc/}
		[ "$pid" = $$ ] && continue
		tr '\0' ' ' 2>/dev/null <"$dir/cmdline" | grep -q -- "$runtime" && echo "$pid"
	done
	return 0
}
stop_all() {
	local pid
	for pid in $(ours); do kill -9 "$pid" 2>/dev/null || true; done
}
# users made for the multi-user checks (root only), and their directories
test_users=()
sticky=
remove_users() {
	local user
	for user in "${test_users[@]}"; do userdel -r "$user" >/dev/null 2>&1 || true; done
	[ -z "$sticky" ] || rm -rf "$sticky"
}
# the script's own status must survive the clean-up (smoke_cleanup exits with the status it finds)
trap 'code=$?; stop_all || true; remove_users || true; rm -rf "$runtime"; (exit "$code"); smoke_cleanup' EXIT

server_pid() { "$ipcscope" daemon status 2>/dev/null | sed -n 's/^A server is running: pid \([0-9]*\),.*/\1/p'; }
served_count() { "$ipcscope" daemon status 2>/dev/null | sed -n 's/.*, \([0-9]*\) requests served$/\1/p'; }
await_server() { # up to 60 s
	local i
	for ((i = 0; i < 600; i++)); do
		[ -n "$(server_pid)" ] && return 0
		sleep 0.1
	done
	return 1
}
await_gone() { # PID, up to $2 s
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}

segment="ipcscope-daemon-test-$$"
smoke_start_shm_helper "$segment" 4321

# first call: no server yet; answered directly, then the server starts
code=0
"$ipcscope" list --json >"$SMOKE_WORK/first.json" 2>"$SMOKE_WORK/first.err" || code=$?
smoke_check "the first list exits 0" test "$code" -eq 0
smoke_check "the first list finds the helper's segment with its owner" \
	grep -q "\"name\": \"/$segment\", .*\"pid\": $SMOKE_HELPER_PID, \"process\": \"ipc_helper\"" "$SMOKE_WORK/first.json"
smoke_check "the first list starts a server" await_server
first_server=$(server_pid)
smoke_check "the client was copied where the script looks" bash -c "ls '$XDG_CACHE_HOME'/ipcscope/ipcscope-client-* >/dev/null"
smoke_check "the socket is in \$XDG_RUNTIME_DIR/ipcscope, a directory of mode 700" \
	bash -c "[ \"\$(stat -c %a '$XDG_RUNTIME_DIR/ipcscope')\" = 700 ] && ls '$XDG_RUNTIME_DIR'/ipcscope/cli-*.sock"

# served calls: the same objects as a JVM of its own finds
before=$(served_count)
"$ipcscope" list --json >"$SMOKE_WORK/served.json"
IPCSCOPE_DAEMON=0 "$ipcscope" list --json >"$SMOKE_WORK/direct.json"
"$ipcscope" --no-daemon list --json >"$SMOKE_WORK/no-daemon.json"
smoke_check "list was served" test "$(served_count)" -eq $((before + 1))
smoke_check "the served list has the helper's segment and owner" \
	grep -q "\"name\": \"/$segment\", .*\"pid\": $SMOKE_HELPER_PID, \"process\": \"ipc_helper\"" "$SMOKE_WORK/served.json"
# (the FIFO on the helper's stdin differs by right: the process that lists holds its other end)
smoke_check "served and direct list the helper's segment alike" \
	bash -c "diff <(grep -F '\"/$segment\"' '$SMOKE_WORK/served.json') <(grep -F '\"/$segment\"' '$SMOKE_WORK/direct.json')"
smoke_check "--no-daemon lists them too" grep -q "\"name\": \"/$segment\"" "$SMOKE_WORK/no-daemon.json"

# usage errors: the same bytes and exit code
code=0
"$ipcscope" list --kind nonsense >"$SMOKE_WORK/usage.out" 2>"$SMOKE_WORK/usage.err" || code=$?
direct_code=0
IPCSCOPE_DAEMON=0 "$ipcscope" list --kind nonsense >"$SMOKE_WORK/usage-direct.out" 2>"$SMOKE_WORK/usage-direct.err" || direct_code=$?
smoke_check "an unknown kind exits 2 served" test "$code" -eq 2
smoke_check "and direct" test "$direct_code" -eq 2
smoke_check "with the same message" cmp "$SMOKE_WORK/usage.err" "$SMOKE_WORK/usage-direct.err"
smoke_check "and the same (empty) stdout" cmp "$SMOKE_WORK/usage.out" "$SMOKE_WORK/usage-direct.out"
smoke_check "(it was served)" test "$(served_count)" -eq $((before + 2))

# a killed server: the next list is answered directly and starts a new one
kill -9 "$first_server"
await_gone "$first_server" 10 || true
code=0
"$ipcscope" list --json >"$SMOKE_WORK/after-kill.json" 2>"$SMOKE_WORK/after-kill.err" || code=$?
smoke_check "after the server was killed, list still exits 0" test "$code" -eq 0
smoke_check "and still finds the segment" grep -q "\"name\": \"/$segment\"" "$SMOKE_WORK/after-kill.json"
smoke_check "and prints nothing on stderr" test ! -s "$SMOKE_WORK/after-kill.err"
smoke_check "a new server started" await_server
second_server=$(server_pid)
smoke_check "(another pid)" test "$second_server" != "$first_server"

# the client missing (as after its cache was cleaned): list runs directly, and the server it
# starts copies the client again, then leaves the running one serving
deep="$SMOKE_WORK/$(printf 'deep%.0s' {1..25})"
mkdir -p "$deep" && chmod 700 "$deep"
smoke_check "a runtime directory too deep for a socket's path: the socket goes to \$TMPDIR/ipcscope-UID" \
	bash -c "XDG_RUNTIME_DIR='$deep' '$ipcscope' daemon status | grep -qF '${TMPDIR:-/tmp}/ipcscope-$EUID/cli-'"
smoke_check "daemon status names the socket" bash -c "'$ipcscope' daemon status | grep -q '^socket: $XDG_RUNTIME_DIR/ipcscope/cli-'"
stale_client=$(find "$XDG_CACHE_HOME/ipcscope" -maxdepth 1 -name 'ipcscope-client-*' ! -name '*.sum')
mv "$stale_client" "$stale_client.moved"
code=0
"$ipcscope" list --kind posix-shm >"$SMOKE_WORK/no-client.txt" || code=$?
smoke_check "without the client, list runs directly and exits 0" test "$code" -eq 0
smoke_check "and finds the segment" grep -q "/$segment" "$SMOKE_WORK/no-client.txt"
for ((i = 0; i < 100; i++)); do [ -x "$stale_client" ] && break; sleep 0.1; done
smoke_check "and the server's start copies the client again" test -x "$stale_client"
# that second server finds the first one's lock and leaves
for ((i = 0; i < 300; i++)); do [ "$(ours | wc -l)" -le 1 ] && break; sleep 0.1; done
smoke_check "the server started beside the running one exits" test "$(ours | wc -l)" -eq 1
smoke_check "its log says why" grep -q "another server serves $XDG_RUNTIME_DIR/ipcscope/cli-" "$HOME/.ipcscope/daemon.log"
smoke_check "while the running server stays" test "$(server_pid)" = "$second_server"
rm -f "$stale_client.moved"

# times that are not plain seconds: said in one line, and the command runs without the server
for setting in IPCSCOPE_DAEMON_TIMEOUT=inf IPCSCOPE_DAEMON_TIMEOUT=1e309 IPCSCOPE_DAEMON_TIMEOUT=9e18 \
	IPCSCOPE_DAEMON_TIMEOUT=-1 IPCSCOPE_DAEMON_IDLE=soon IPCSCOPE_DAEMON_IDLE=inf; do
	before=$(served_count)
	code=0
	env "$setting" "$ipcscope" list --kind posix-shm >"$SMOKE_WORK/setting.out" 2>"$SMOKE_WORK/setting.err" || code=$?
	smoke_check "$setting: list exits 0" test "$code" -eq 0
	smoke_check "$setting: and lists the segment" grep -q "/$segment" "$SMOKE_WORK/setting.out"
	smoke_check "$setting: one line on stderr says what is wrong" bash -c "[ \$(wc -l <'$SMOKE_WORK/setting.err') -eq 1 ] &&
		grep -q '^ipcscope: ${setting%%=*}=.${setting#*=}. is not a number of seconds from 0.001 to 999999.999' '$SMOKE_WORK/setting.err'"
	smoke_check "$setting: the server was not asked" test "$(served_count)" -eq "$before"
done

# stop and status
"$ipcscope" daemon stop >"$SMOKE_WORK/stop.out"
smoke_check "daemon stop says so" grep -q "^Stopped the server (pid $second_server)." "$SMOKE_WORK/stop.out"
smoke_check "and the server exits" await_gone "$second_server" 20
code=0
"$ipcscope" daemon status >"$SMOKE_WORK/status.out" || code=$?
smoke_check "daemon status without a server exits 3" test "$code" -eq 3
smoke_check "and says none is running" grep -q "^No server is running" "$SMOKE_WORK/status.out"
smoke_check "IPCSCOPE_DAEMON=0 starts no server" bash -c "IPCSCOPE_DAEMON=0 '$ipcscope' list --kind udp >/dev/null; sleep 2; [ -z \"\$('$ipcscope' daemon status | grep '^A server')\" ]"

# the idle timeout
IPCSCOPE_DAEMON_IDLE=2 "$ipcscope" list --kind udp >/dev/null
smoke_check "a server with a 2 s idle timeout starts" await_server
idle_server=$(server_pid)
smoke_check "and exits by itself" await_gone "$idle_server" 20
smoke_check "its log says it was idle" grep -q "stopping: idle for 2.0 s" "$HOME/.ipcscope/daemon.log"

# a failure marker holds servers back for 10 minutes, not forever
marker="$(sed -n 's/^No server is running (\(.*\)); the next.*/\1/p' "$SMOKE_WORK/status.out").failed"
smoke_check "(the socket's name is known)" test "$marker" != .failed
echo "2026-01-01T00:00:00Z java.net.BindException: a test's failure" >"$marker"
smoke_check "daemon status tells the failure" bash -c "'$ipcscope' daemon status | grep -q 'the last server failed to start: java.net.BindException: a test.s failure; the first .list. after '"
"$ipcscope" list --kind udp >/dev/null
smoke_check "a fresh marker: daemon status still tells it after a list" bash -c "'$ipcscope' daemon status | grep -q 'the last server failed to start'"
smoke_check "and no server started" bash -c "sleep 3; ! '$ipcscope' daemon status | grep -q '^A server is running'"
touch -d '-11 minutes' "$marker"
"$ipcscope" list --kind udp >/dev/null
smoke_check "a marker older than 10 minutes: the next list starts a server" await_server
smoke_check "which removes the marker" test ! -e "$marker"
"$ipcscope" daemon stop >/dev/null
await_gone "$(server_pid)" 20 || true

if [ "$EUID" -eq 0 ]; then
	# another user makes the fallback socket directory first, open to all, with links to files of ours
	attacker="ipcsatk$(($$ % 100000))"
	useradd -M -s /bin/sh "$attacker"
	test_users+=("$attacker")
	sticky=$(mktemp -d /tmp/ipcscope-sticky.XXXXXX)
	chmod 1777 "$sticky"
	runuser -u "$attacker" -- mkdir -m 777 "$sticky/ipcscope-$EUID"
	fallback=$({ XDG_RUNTIME_DIR="$deep" TMPDIR="$sticky" "$ipcscope" daemon status || true; } |
		sed -n 's/^No server is running (\([^)]*\.sock\)).*/\1/p')
	smoke_check "(the fallback socket is in the attacker's directory)" test "${fallback%/*}" = "$sticky/ipcscope-$EUID"
	# the marker's link points to a file not there yet (an existing one made the script start no server
	# even before: it took the marker for there), the lock's to a file of ours
	echo precious >"$SMOKE_WORK/victim"
	runuser -u "$attacker" -- ln -s "$SMOKE_WORK/created-by-link" "$fallback.failed"
	runuser -u "$attacker" -- ln -s "$SMOKE_WORK/victim" "$fallback.lock"
	code=0
	XDG_RUNTIME_DIR="$deep" TMPDIR="$sticky" "$ipcscope" list --kind posix-shm >"$SMOKE_WORK/attacked.out" || code=$?
	smoke_check "a list beside the attacker's directory exits 0" test "$code" -eq 0
	smoke_check "and lists the segment" grep -q "/$segment" "$SMOKE_WORK/attacked.out"
	XDG_RUNTIME_DIR="$deep" TMPDIR="$sticky" "$ipcscope" daemon status >"$SMOKE_WORK/attacked-status.out" || true
	smoke_check "daemon status says no server can start there, and why" \
		grep -q "no server can start there: $sticky/ipcscope-$EUID must be a directory of this user's" "$SMOKE_WORK/attacked-status.out"
	for ((i = 0; i < 30; i++)); do sleep 0.1; done # time for a server, were one started, to write its marker
	smoke_check "the file the attacker's link points to is unchanged" test "$(cat "$SMOKE_WORK/victim")" = precious
	smoke_check "no file was created through the attacker's link" test ! -e "$SMOKE_WORK/created-by-link"
	smoke_check "no server started there" bash -c "! grep -q '$sticky' '$HOME/.ipcscope/daemon.log'"

	# root with a user's HOME or XDG_CACHE_HOME (sudo -E, su -m) runs no program the user planted
	"$ipcscope" list --kind udp >/dev/null
	smoke_check "(a server runs, so the script would ask its client)" await_server
	victim_user="ipcsvic$(($$ % 100000))"
	useradd -m -s /bin/sh "$victim_user"
	test_users+=("$victim_user")
	user_home=$(getent passwd "$victim_user" | cut -d: -f6)
	witness="$SMOKE_WORK/witness"
	runuser -u "$victim_user" -- mkdir -p "$user_home/.cache/ipcscope"
	for program in "$XDG_CACHE_HOME"/ipcscope/ipcscope-client-* "$XDG_CACHE_HOME"/ipcscope/ipcscope-proc-*; do
		[[ $program == *.sum ]] && continue
		runuser -u "$victim_user" -- sh -c 'printf "#!/bin/sh\ntouch %s\nexit 222\n" "$1" >"$2" && chmod 755 "$2"' - \
			"$witness" "$user_home/.cache/ipcscope/${program##*/}"
	done
	smoke_check "(the user planted a client and a scanner under their names)" \
		bash -c "ls '$user_home'/.cache/ipcscope/ipcscope-client-* '$user_home'/.cache/ipcscope/ipcscope-proc-*"
	code=0
	env -u XDG_CACHE_HOME HOME="$user_home" "$ipcscope" list --kind posix-shm >"$SMOKE_WORK/planted.out" || code=$?
	smoke_check "root's list with the user's HOME exits 0" test "$code" -eq 0
	smoke_check "and lists the segment" grep -q "/$segment" "$SMOKE_WORK/planted.out"
	code=0
	XDG_CACHE_HOME="$user_home/.cache" "$ipcscope" list --kind posix-shm >"$SMOKE_WORK/planted.out" || code=$?
	smoke_check "root's list with the user's XDG_CACHE_HOME exits 0" test "$code" -eq 0
	code=0
	IPCSCOPE_DAEMON=0 XDG_CACHE_HOME="$user_home/.cache" "$ipcscope" list --kind posix-shm >"$SMOKE_WORK/planted.out" || code=$?
	smoke_check "and without the server, in a JVM of its own (the scanner copy), exits 0" test "$code" -eq 0
	smoke_check "and lists the segment" grep -q "/$segment" "$SMOKE_WORK/planted.out"
	smoke_check "root ran none of the user's programs" test ! -e "$witness"
	smoke_check "and wrote nothing into the user's home" bash -c "[ -z \"\$(find '$user_home' -user 0)\" ]"
	# the pid before the stop: a stopping server no longer says it (it finishes a reply under way first)
	last_server=$(server_pid)
	"$ipcscope" daemon stop >/dev/null
	[ -z "$last_server" ] || await_gone "$last_server" 20 || true
else
	smoke_log "skipped the checks with other users: they need root (useradd)"
fi

# up to 30 s: a server that was told to stop may finish a reply first, and one that a direct run
# started in the background may come up after the last stop: it is told to stop too
none_left() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ -z "$(ours)" ] && return 0
		((i % 20 != 19)) || "$ipcscope" daemon stop >/dev/null 2>&1 || true
		sleep 0.1
	done
	ps -o pid,args -p "$(ours | tr '\n' ',' | sed 's/,$//')" >&2 || true
	return 1
}
smoke_check "no server of this test is left running" none_left
cp "$HOME/.ipcscope/daemon.log" "$SMOKE_WORK/daemon.log"
smoke_end
