#!/bin/bash
# The product archives as a user gets them, with their own Java and launchers, and nothing else:
# Linux: the tar.gz unpacked and run through its `ipcscope` with env -i and a PATH without any
#        JDK: `list --json` finds a helper's segment, `hex` of a missing one exits 4, and the
#        workbench shows its window on a private Xvfb, its workspace in the XDG data directory.
# Windows (Wine, a prefix with no Java and no JAVA_HOME): `ipcscope-cli.exe list --json` finds a
#        helper's section, `hex` of a missing one exits 4, `hex` of a section with a non-ASCII
#        name reads it (the argument reached Java as UTF-16), and `IPC Scope.exe` shows its window
#        and starts itself again when Java exits with 23 or 24 (an update's Restart Now).
# Writes the archive sizes and start times to WORK_DIR/measurements.txt (docs/performance.md).
#
# usage: PROBE_JAR=... IPC_HELPER=... WINE_HELPERS=DIR archive-launchers-test.sh PRODUCTS_DIR WORK_DIR SCREENSHOT_DIR
#   PRODUCTS_DIR    releng/org.ipcscope.product/target/products (the two archives)
#   WINE_HELPERS    directory with win_shm_helper.exe (bundles/org.ipcscope.win32.tests/native/build-helpers.sh)
#
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"
smoke_begin archive-launchers-test "$0" "$@"
products=$(realpath "$1")
: "${WINE_HELPERS:?WINE_HELPERS must name the directory of win_shm_helper.exe}"
measurements="$SMOKE_WORK/measurements.txt"
# shellcheck disable=SC2034 # smoke-lib.sh's summary names them
SMOKE_REPORT=$measurements
# shellcheck disable=SC2034
SMOKE_SCREENSHOT="$SMOKE_SCREENSHOTS/archive-launchers-test-{linux,wine}.png"
: >"$measurements"
gui_pid=
stop_gui() {
	if [ -n "$gui_pid" ]; then
		kill "$gui_pid" 2>/dev/null || true
		wait "$gui_pid" 2>/dev/null || true
	fi
	gui_pid=
	return 0
}
# (set -e holds in the trap too: a wineserver already gone must not change the status)
trap 'code=$?; stop_gui; [ -z "${WINEPREFIX:-}" ] || { wineserver -k; wineserver -w; } 2>/dev/null || true; (exit "$code"); smoke_cleanup' EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }
measure() { # NAME MILLISECONDS
	printf '%s\t%s\n' "$1" "$2" | tee -a "$measurements"
}
# await_window TITLE SECONDS: a window of that title (GTK adds a space) at least 400 pixels wide appears
await_window() {
	local i
	for ((i = 0; i < $2 * 5; i++)); do
		xwininfo -root -tree 2>/dev/null | grep -Eq "\"$1 ?\": .* ([4-9][0-9][0-9]|[0-9]{4,})x[0-9]+\+" && return 0
		sleep 0.2
	done
	return 1
}
# shot NAME: the screen as a user sees it, once the window is painted (more than 16 colours), within 120 s
shot() {
	local i
	for ((i = 0; i < 60; i++)); do
		import -window root "$SMOKE_SCREENSHOTS/$1.png" &&
			[ "$(identify -format %k "$SMOKE_SCREENSHOTS/$1.png")" -gt 16 ] && return 0
		sleep 2
	done
	return 1
}
valid_json() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(d.get("format") != 1)' "$1"; }
mkdir -p "$SMOKE_SCREENSHOTS"
smoke_start_xvfb

for archive in ipcscope-linux.gtk.x86_64.tar.gz ipcscope-win32.win32.x86_64.zip; do
	measure "size of $archive (bytes)" "$(stat -c %s "$products/$archive")"
done

# --- Linux -----------------------------------------------------------------------------------
linux="$SMOKE_WORK/linux"
mkdir -p "$linux" "$SMOKE_WORK/home"
tar -xzf "$products/ipcscope-linux.gtk.x86_64.tar.gz" -C "$linux"
ipcscope="$linux/ipcscope/ipcscope"
smoke_check "the Linux archive has ipcscope, README.txt and a Java runtime at its root" \
	test -x "$ipcscope" -a -f "$linux/ipcscope/README.txt" -a -x "$linux/ipcscope/jre/bin/java"
# a PATH with every program of /usr/bin and /bin except those of a JDK
bin="$SMOKE_WORK/bin"
mkdir -p "$bin"
for program in /usr/bin/* /bin/*; do
	[ -e "$bin/${program##*/}" ] && continue
	target=$(readlink -f "$program")
	[[ $target == /usr/lib/jvm/* ]] || ln -s "$program" "$bin/${program##*/}"
done
smoke_check "(no java on that PATH)" bash -c "! PATH='$bin' command -v java"
# (XDG_DATA_HOME: the JVM's user.home comes from the password file, not from HOME)
bare=(env -i PATH="$bin" HOME="$SMOKE_WORK/home" XDG_DATA_HOME="$SMOKE_WORK/home/.local/share")

segment="ipcscope-archive-$$"
smoke_start_shm_helper "$segment" 4096
started=$(now_ms)
code=0
"${bare[@]}" "$ipcscope" list --json >"$SMOKE_WORK/linux-list.json" 2>"$SMOKE_WORK/linux-list.err" || code=$?
measure "Linux: first list --json (ms)" $(($(now_ms) - started))
smoke_check "Linux: list --json exits 0" test "$code" -eq 0
smoke_check "Linux: it is a JSON document of format 1" valid_json "$SMOKE_WORK/linux-list.json"
smoke_check "Linux: it lists the helper's segment" grep -q "\"name\": \"/$segment\"" "$SMOKE_WORK/linux-list.json"
smoke_check "Linux: nothing on stderr" test ! -s "$SMOKE_WORK/linux-list.err"
started=$(now_ms)
"${bare[@]}" "$ipcscope" list --json >/dev/null 2>&1 || true
measure "Linux: second list --json (ms)" $(($(now_ms) - started))
code=0
"${bare[@]}" "$ipcscope" hex "/no-such-$segment" >"$SMOKE_WORK/linux-hex.out" 2>"$SMOKE_WORK/linux-hex.err" || code=$?
smoke_check "Linux: hex of a missing segment exits 4" test "$code" -eq 4
smoke_check "Linux: with one line on stderr" test "$(wc -l <"$SMOKE_WORK/linux-hex.err")" -eq 1

started=$(now_ms)
"${bare[@]}" DISPLAY="$DISPLAY" GDK_BACKEND=x11 "$ipcscope" >"$SMOKE_WORK/linux-gui.out" 2>&1 &
gui_pid=$!
if await_window "IPC Scope" 180; then
	measure "Linux: first window of the workbench (ms)" $(($(now_ms) - started))
	smoke_pass "Linux: the workbench shows a window titled IPC Scope"
	smoke_check "Linux: its screenshot is a picture" shot archive-launchers-test-linux
else
	smoke_fail "Linux: no window titled IPC Scope within 180 s ($(tail -3 "$SMOKE_WORK/linux-gui.out" | tr '\n' ' '))"
fi
smoke_check "Linux: its workspace is in the XDG data directory" \
	test -d "$SMOKE_WORK/home/.local/share/ipcscope/workspace/.metadata"
stop_gui
smoke_check "Linux: and not in the product's folder" test ! -e "$linux/ipcscope/workspace"

# --- Windows under Wine ----------------------------------------------------------------------
windows="$SMOKE_WORK/windows"
mkdir -p "$windows"
(cd "$windows" && unzip -q "$products/ipcscope-win32.win32.x86_64.zip")
product="$windows/ipcscope"
smoke_check "the Windows archive has IPC Scope.exe, ipcscope-cli.exe, README.txt and a Java runtime" \
	test -f "$product/IPC Scope.exe" -a -f "$product/ipcscope-cli.exe" -a -f "$product/README.txt" -a \
	-f "$product/jre/bin/server/jvm.dll"
unset JAVA_HOME
export WINEPREFIX="$SMOKE_WORK/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
# shellcheck source=../scripts/wine-prefix.sh
. "$SMOKE_DIR/../scripts/wine-prefix.sh"
wine_prefix_init "$SMOKE_WORK/wineboot.log" || smoke_fail "wineboot -i failed (see $SMOKE_WORK/wineboot.log)"
wine winecfg /v win10 >/dev/null 2>&1 # SWT needs Windows 10 (docs/dev/testing.md)
wineserver -w
smoke_check "(the Wine prefix has no Java of its own)" bash -c "[ -z \"\$(find '$WINEPREFIX' -iname 'java*.exe')\" ]"

# a section with a non-ASCII name: it is found only if the argument reaches Java as UTF-16
section="Local\\ipcscope-Ünï€✓-$$"
mkfifo "$SMOKE_WORK/win-helper.stdin"
wine "$WINE_HELPERS/win_shm_helper.exe" "$section" 100000 <"$SMOKE_WORK/win-helper.stdin" >"$SMOKE_WORK/win-helper.out" 2>&1 &
exec 5>"$SMOKE_WORK/win-helper.stdin"
for ((i = 0; i < 600; i++)); do
	grep -q READY "$SMOKE_WORK/win-helper.out" 2>/dev/null && break
	sleep 0.1
done
smoke_check "(the Windows helper holds its section)" grep -q READY "$SMOKE_WORK/win-helper.out"
cli() { # OUT ARGS...: ipcscope-cli.exe with ARGS, stdout to OUT, stderr to OUT.err; sets $code
	local out=$1
	shift
	code=0
	(cd "$SMOKE_WORK" && timeout 300 wine "$product/ipcscope-cli.exe" "$@") >"$out" 2>"$out.err" 5>&- || code=$?
}
# first what needs the helper, which leaves after 60 s
started=$(now_ms)
cli "$SMOKE_WORK/win-hex.out" hex "$section" --length 16
smoke_check "Wine: hex of the section named $section exits 0 (its name reached Java intact)" test "$code" -eq 0
smoke_check "Wine: and dumps its first bytes" grep -q '^0*0[0: ]' "$SMOKE_WORK/win-hex.out"
measure "Wine: first ipcscope-cli.exe call, hex (ms)" $(($(now_ms) - started))
started=$(now_ms)
cli "$SMOKE_WORK/win-list.json" list --kind section --json
measure "Wine: ipcscope-cli.exe list --json (ms)" $(($(now_ms) - started))
smoke_check "Wine: list --json exits 0" test "$code" -eq 0
tr -d '\r' <"$SMOKE_WORK/win-list.json" >"$SMOKE_WORK/win-list.unix.json"
smoke_check "Wine: it is a JSON document of format 1" valid_json "$SMOKE_WORK/win-list.unix.json"
smoke_check "Wine: it lists the helper's section by its name, in UTF-8" \
	grep -qF "\"name\": \"${section//\\/\\\\}\"" "$SMOKE_WORK/win-list.unix.json"
started=$(now_ms)
cli "$SMOKE_WORK/win-list2.json" list --kind section --json
measure "Wine: ipcscope-cli.exe list --json, again (ms)" $(($(now_ms) - started))
cli "$SMOKE_WORK/win-hex-missing.out" hex "Local\\no-such-section-$$"
smoke_check "Wine: hex of a missing section exits 4" test "$code" -eq 4
smoke_check "Wine: with nothing on stdout" test ! -s "$SMOKE_WORK/win-hex-missing.out"
smoke_check "Wine: and one line on stderr" bash -c "[ \$(grep -vc 'FS volume label' '$SMOKE_WORK/win-hex-missing.out.err') -eq 1 ]"
smoke_check "Wine: which names the command typed here" grep -q 'ipcscope-cli list --kind' "$SMOKE_WORK/win-hex-missing.out.err"
cli "$SMOKE_WORK/win-help.out" help hex
smoke_check "Wine: help hex shows the usage of ipcscope-cli" grep -q '^usage: ipcscope-cli hex NAME' "$SMOKE_WORK/win-help.out"
exec 5>&-

started=$(now_ms)
(cd "$SMOKE_WORK" && exec wine "$product/IPC Scope.exe") >"$SMOKE_WORK/win-gui.out" 2>&1 &
gui_pid=$!
if await_window "IPC Scope" 300; then
	measure "Wine: first window of IPC Scope.exe (ms)" $(($(now_ms) - started))
	smoke_pass "Wine: IPC Scope.exe shows a window titled IPC Scope"
	smoke_check "Wine: its screenshot is a picture" shot archive-launchers-test-wine
else
	smoke_fail "Wine: no window titled IPC Scope within 300 s"
fi
smoke_check "Wine: its workspace is in %LOCALAPPDATA%\\IPC Scope" \
	bash -c "ls -d '$WINEPREFIX'/drive_c/users/*/AppData/Local/'IPC Scope'/workspace/.metadata"
smoke_check "Wine: and not in the product's folder" test ! -e "$product/workspace"
wineserver -k || true
wait "$gui_pid" 2>/dev/null || true
gui_pid=

# Restart: Java exits with 23 after an update's Restart Now (24 to relaunch); IPC Scope.exe, which
# runs Java inside its own process, starts itself again with its arguments. A stand-in Equinox
# launcher counts its starts: the first exits 23, the second 24, the third 0.
restart="$SMOKE_WORK/restart"
mkdir -p "$restart/product/plugins" "$restart/src/org/eclipse/equinox/launcher"
cp -r "$product/jre" "$product/IPC Scope.exe" "$restart/product/"
cat >"$restart/src/org/eclipse/equinox/launcher/Main.java" <<'JAVA'
package org.eclipse.equinox.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

public class Main {
	public static void main(String[] args) throws Exception {
		Path log = Path.of(args[0]);
		long before = Files.exists(log) ? Files.readAllLines(log).size() : 0;
		Files.writeString(log, "start " + String.join("|", args) + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		System.exit(before == 0 ? 23 : before == 1 ? 24 : 0);
	}
}
JAVA
"$(dirname "$JAVA")/javac" --release 21 -d "$restart/classes" "$restart/src/org/eclipse/equinox/launcher/Main.java"
"$(dirname "$JAVA")/jar" cf "$restart/product/plugins/org.eclipse.equinox.launcher_9.0.0.jar" -C "$restart/classes" .
(cd "$restart" && timeout 300 wine "$restart/product/IPC Scope.exe" 'C:\starts.log' 'ü x') >"$restart/out" 2>&1 || true
starts="$WINEPREFIX/drive_c/starts.log"
# a start after exit code 0 would begin before that process ends: wait until none is left
deadline=$((SECONDS + 180))
while { [ "$(wc -l <"$starts" 2>/dev/null || echo 0)" -lt 3 ] || pgrep -r R,S,D -f 'IPC Scope\.exe' >/dev/null; } &&
	[ $SECONDS -lt $deadline ]; do
	sleep 0.5
done
wineserver -k || true
smoke_check "Wine: IPC Scope.exe starts again after exit codes 23 and 24, with its arguments, and not after 0" \
	test "$(tr -d '\r' <"$starts" 2>/dev/null)" = "$(printf 'start C:\\starts.log|ü x\n%.0s' 1 2 3)"
smoke_end
