#!/bin/bash
# Live traffic capture in the win32 product's workbench under Wine: the archived product, unpacked,
# started with the Windows JVM and SWT win32 on a private Xvfb, with the probe. The probe starts a
# named pipe server and client, then a mailslot server and client (traffic_helper.exe), finds each
# object's row in the IPC Objects view, chooses Capture Traffic... on its context menu and Start
# Capture in the dialog, has the client send the messages below, and reports what the helpers sent
# and got, every record the Traffic view hands on, the table, Stop through the view's toolbar, the
# capture DLL in the targets' module lists and a message after Stop. This script checks the report.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe PROBE_JAR=/path/to/org.ipcscope.tests.probe.jar \
#        TRAFFIC_HELPER=/path/to/traffic_helper.exe \
#        traffic-win32-test.sh PRODUCT_ZIP WORK_DIR SCREENSHOT_DIR
#
#   PRODUCT_ZIP      ipcscope-win32.win32.x86_64.zip
#   WORK_DIR         the unpacked product, Wine prefix, report, logs and workspace (emptied first)
#   SCREENSHOT_DIR   where traffic-win32-test.png (IPC Objects) and traffic-win32-test-*.png go
#
# SMOKE_TIMEOUT (seconds, default 420): the workbench is killed when it runs longer.
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin traffic-win32-test "$0" "$@"
zip=$(realpath "$1")
: "${WIN_JAVA:?WIN_JAVA must name the java.exe of a Windows x64 JRE}"
: "${TRAFFIC_HELPER:?TRAFFIC_HELPER must name traffic_helper.exe (bundles/org.ipcscope.win32.tests/native)}"

# The sizes of the client's messages: 0 bytes, 1 byte and 64 KiB (the default payload cap, so the
# whole message is kept). The mailslot round leaves out 0: Wine 8 cannot read a 0-byte mailslot message.
SIZES=(0 1 65536)

# Wine maps drive Z: to /, so an absolute Linux path is a Windows path with a Z: in front.
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}

export WINEPREFIX="$SMOKE_WORK/wineprefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64

stop_wine() {
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
}
# smoke_cleanup ends Xvfb and exits with the status it finds in $?
traffic_cleanup() {
	local status=$?
	stop_wine
	set +e
	(exit "$status")
	smoke_cleanup
}
trap traffic_cleanup EXIT

mkdir -p "$SMOKE_WORK/product"
unzip -q "$zip" -d "$SMOKE_WORK/product"
install="$SMOKE_WORK/product/ipcscope"
smoke_check "the archive holds the product in ipcscope/" test -d "$install/plugins"
smoke_check "the product holds the Traffic view and the Windows provider" \
	bash -c "ls '$install/plugins' | grep -q '^org.ipcscope.ui.traffic_' && ls '$install/plugins' | grep -q '^org.ipcscope.win32_'"
smoke_add_probe "$install"

# A fresh prefix that SWT accepts (Windows 10, docs/dev/testing.md), settled before the first start.
# shellcheck source=../scripts/wine-prefix.sh
. "$SMOKE_DIR/../scripts/wine-prefix.sh"
(unset DISPLAY; wine_prefix_init "$SMOKE_WORK/wineboot.log" && wine winecfg /v win10 > /dev/null 2>&1) \
	|| { smoke_log "could not prepare the Wine prefix $WINEPREFIX"; exit 1; }
stop_wine
smoke_log "Wine prefix ready after $(smoke_elapsed)s"
security="$SMOKE_WORK/wine-java.security"
printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' > "$security"

smoke_start_xvfb

limit=${SMOKE_TIMEOUT:-420}
launcher=$(ls "$install"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
SMOKE_REPORT="$SMOKE_WORK/report.txt"
SMOKE_SCREENSHOT="$SMOKE_SCREENSHOTS/$SMOKE_TEST.png"
rm -f "$SMOKE_REPORT" "$SMOKE_SCREENSHOTS/$SMOKE_TEST"*.png
mkdir -p "$SMOKE_SCREENSHOTS"
sizes=$(IFS=','; echo "${SIZES[*]}")
smoke_log "starting the workbench under Wine (killed after ${limit}s)"
started=$SECONDS
set +e
(cd "$install" && timeout -k 10 "$limit" wine "$WIN_JAVA" \
	"-Djava.security.properties=$(windows_path "$security")" -XX:ActiveProcessorCount=2 \
	-Duser.language=en -Duser.country=US \
	"-Dipcscope.probe.report=$(windows_path "$SMOKE_REPORT")" \
	"-Dipcscope.probe.screenshot=$(windows_path "$SMOKE_SCREENSHOT")" \
	-Dipcscope.probe.open=perspective \
	"-Dipcscope.probe.timeoutSeconds=$((limit - 120))" \
	"-Dipcscope.probe.trafficHelper=$(windows_path "$TRAFFIC_HELPER")" \
	"-Dipcscope.probe.trafficSizes=$sizes" \
	-jar "$(windows_path "$launcher")" -clean -consoleLog -data "$(windows_path "$SMOKE_WORK/workspace")") \
	> "$SMOKE_WORK/workbench.log" 2>&1 < /dev/null
SMOKE_EXIT=$?
set -e
smoke_log "workbench exited with $SMOKE_EXIT after $((SECONDS - started))s (log: $SMOKE_WORK/workbench.log)"
# the Windows JVM ends its lines with CR LF
if [ -f "$SMOKE_WORK/report.txt" ]; then
	tr -d '\r' < "$SMOKE_WORK/report.txt" > "$SMOKE_WORK/report.unix.txt"
fi
SMOKE_REPORT="$SMOKE_WORK/report.unix.txt"

smoke_expect_common org.ipcscope.core org.ipcscope.ui org.ipcscope.win32 org.ipcscope.ui.traffic org.ipcscope.app

# report_field KIND KEY FIELD: field FIELD (1-based, after "traffic KIND KEY") of the first such line
report_field() {
	awk -F'\t' -v kind="$1" -v key="$2" -v n="$3" \
		'$1 == "traffic" && $2 == kind && $3 == key { print $(3 + n); exit }' "$SMOKE_REPORT" 2>/dev/null || true
}

# records KIND PID OP CALL: "transferred stored fnv object" of each such record, in the view's order
records() {
	awk -F'\t' -v kind="$1" -v pid="$2" -v op="$3" -v call="$4" \
		'$1 == "traffic" && $2 == kind && $3 == "record" && $5 == pid && $6 == op && $7 == call && $10 == 0 {
			print $9 " " $11 " " $12 " " $13 }' "$SMOKE_REPORT" 2>/dev/null || true
}

# expected KIND ...SIZES: "size size fnv object" of each message, from what the client says it sent
expected() {
	local kind=$1 k=1 size sent object
	shift
	object=$(report_field "$kind" object 1)
	for size in "$@"; do
		sent=$(awk -F'\t' -v kind="$kind" -v k="$k" '$1 == "traffic" && $2 == kind && $3 == "sent" && $4 == k { print $5; exit }' \
			"$SMOKE_REPORT" 2>/dev/null || true)
		# "SENT size fnv"
		printf '%s %s %s %s\n' "$size" "$size" "${sent##* }" "$object"
		k=$((k + 1))
	done
}

for kind in pipe mailslot; do
	if [ "$kind" = pipe ]; then sizes_of_round=("${SIZES[@]}"); else sizes_of_round=(); for s in "${SIZES[@]}"; do [ "$s" -gt 0 ] && sizes_of_round+=("$s"); done; fi
	server=$(report_field "$kind" server-pid 1)
	client=$(report_field "$kind" client-pid 1)
	object=$(report_field "$kind" object 1)
	[ -n "$server" ] || server=none
	[ -n "$client" ] || client=none
	# the unique last part of the name: a backslash in a pattern would pass through printf %b
	object_re="[^\t]*${object##*\\}"
	smoke_expect "$kind: IPC Objects lists $object" "^traffic\t$kind\trow\t$object_re\t"
	smoke_expect "$kind: its context menu offers Capture Traffic..." "^traffic\t$kind\tmenu\t(.*\t)?Capture Traffic\.\.\.(\t|$)"
	smoke_expect "$kind: the dialog lists the server $server, ticked" "^traffic\t$kind\tholder\t$server\t.*\ttrue$"
	smoke_expect "$kind: the dialog says a DLL is loaded and what is hooked" "^traffic\t$kind\tchange\t.*ipcscope_capture\.dll.*ReadFile"
	smoke_expect "$kind: nothing was loaded before Start Capture" "^traffic\t$kind\tdll-before-start\t([0-9]+=absent,?)+$"
	smoke_expect "$kind: the view says the server is attached" "^traffic\t$kind\tstatus\tattached\t.*pid $server attached"
	smoke_expect "$kind: the DLL is in the server while it captures" "^traffic\t$kind\tdll-while-capturing\t$server\ttrue$"
	k=1
	for size in "${sizes_of_round[@]}"; do
		smoke_expect "$kind #$k ($size B): the server got what the client sent" \
			"^traffic\t$kind\tsent\t$k\tSENT $size ([0-9a-f]{16})\tMSG $((k + 1)) $size \\\\1$"
		k=$((k + 1))
	done
	want=$(expected "$kind" "${sizes_of_round[@]}")
	got=$(records "$kind" "$server" read ReadFile)
	# the server already waits in its next read when the capture starts: recorded when it returns
	smoke_check "$kind: the server's ReadFile rows hold every message byte-exact, in order, the read waiting at the start included (got: $(echo "$got" | tr '\n' '|'))" \
		test "$got" = "$want"
	if [ "$kind" = pipe ]; then
		acks=$(records "$kind" "$server" write WriteFile | wc -l)
		smoke_check "$kind: the server's acks are rows too (${#sizes_of_round[@]} wanted, $acks seen)" \
			test "$acks" -eq "${#sizes_of_round[@]}"
	fi
	if grep -Eq "$(printf '^traffic\t%s\tholder\t%s\t' "$kind" "$client")" "$SMOKE_REPORT" 2>/dev/null; then
		got=$(records "$kind" "$client" write WriteFile)
		smoke_check "$kind: the client's WriteFile rows hold every message byte-exact, in order (got: $(echo "$got" | tr '\n' '|'))" \
			test "$got" = "$want"
	else
		smoke_log "$kind: the client holds no handle the inventory lists: only the server is captured"
		smoke_expect_none "$kind: the client, no holder, was not captured" "^traffic\t$kind\trecord\t[0-9]+\t$client\t"
	fi
	n=$(report_field "$kind" records 1)
	smoke_expect "$kind: the table has a row per record ($n)" "^traffic\t$kind\trows\t${n:-x}$"
	smoke_expect "$kind: a table row shows the server's ReadFile of 64 KiB on $object" \
		"^traffic\t$kind\ttable\t[0-9]+\t[0-9]+\t[0-9:.]+\t[^\t]*${server}[^\t]*\tread\tReadFile\t[0-9a-fx]+\t$object_re\t65536\t"
	smoke_expect "$kind: Stop was clicked in the view's toolbar" "^traffic\t$kind\tstop-clicked\ttrue$"
	smoke_expect "$kind: Stop ended the capture and let the server go" "^traffic\t$kind\tstatus\tstopped\t.*pid $server detached.*Stopped"
	smoke_expect "$kind: after Stop the server still gets the client's message" \
		"^traffic\t$kind\tafter-stop\t0\tSENT 5 ([0-9a-f]{16})\tMSG [0-9]+ 5 \\\\1$"
	smoke_expect "$kind: ... and the view got no row of it" "^traffic\t$kind\tafter-stop-records\t([0-9]+)\t\\\\1$"
	smoke_expect "$kind: the DLL left the server after Stop" "^traffic\t$kind\tdll-after-stop\t$server\tunloaded$"
	for shot in dialog table detail stopped; do
		smoke_check "$kind: a screenshot of the $shot was saved" test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-$kind-$shot.png"
	done
done
smoke_end
