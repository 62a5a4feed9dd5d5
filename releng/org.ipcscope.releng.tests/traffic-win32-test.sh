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
: "${TRAFFIC_HELPER:?TRAFFIC_HELPER must name traffic_helper.exe (bundles/org.ipcscope.win32.tests/native)}"

# The sizes of the client's messages: 0 bytes, 1 byte and 64 KiB (the default payload cap, so the
# whole message is kept). The mailslot round leaves out 0: Wine 8 cannot read a 0-byte mailslot message.
SIZES=(0 1 65536)

# shellcheck source=smoke-wine-lib.sh
. "$SMOKE_DIR/smoke-wine-lib.sh"

smoke_wine_product "$zip" org.ipcscope.ui.traffic "Traffic view"
sizes=$(IFS=','; echo "${SIZES[*]}")
smoke_wine_workbench "${SMOKE_TIMEOUT:-420}" 120 \
	"-Dipcscope.probe.trafficHelper=$(windows_path "$TRAFFIC_HELPER")" \
	"-Dipcscope.probe.trafficSizes=$sizes"

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
