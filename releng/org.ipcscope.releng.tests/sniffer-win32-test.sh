#!/bin/bash
# Live WM_COPYDATA capture in the win32 product's workbench under Wine: the archived product,
# unpacked, started with the Windows JVM and SWT win32 on a private Xvfb, with the probe. The probe
# picks copydata_helper.exe's receiver window in the Message Sniffer view's picker, captures
# with the proxy and then the in-process strategy through the view's Start and Stop buttons while
# a copydata_helper sender sends the messages below, and reports the table, the view's selection,
# the detail pane and what the receiver got. This script checks the report.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe PROBE_JAR=/path/to/org.ipcscope.tests.probe.jar \
#        COPYDATA_HELPER=/path/to/copydata_helper.exe \
#        sniffer-win32-test.sh PRODUCT_ZIP WORK_DIR SCREENSHOT_DIR
#
#   PRODUCT_ZIP      ipcscope-win32.win32.x86_64.zip
#   WORK_DIR         the unpacked product, Wine prefix, report, logs and workspace (emptied first)
#   SCREENSHOT_DIR   where sniffer-win32-test.png (IPC Objects), sniffer-win32-test-sniffer-*.png and
#                    sniffer-win32-test-regmsg-*.png go
#
# SMOKE_TIMEOUT (seconds, default 420): the workbench is killed when it runs longer.
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin sniffer-win32-test "$0" "$@"
zip=$(realpath "$1")
: "${COPYDATA_HELPER:?COPYDATA_HELPER must name copydata_helper.exe (bundles/org.ipcscope.win32.tests/native)}"
: "${REGMSG_HELPER:?REGMSG_HELPER must name regmsg_helper.exe (bundles/org.ipcscope.win32.tests/native)}"

# What the sender sends, dwData:size (a byte pattern) or dwData=text: 0 bytes, 1 byte, 64 KiB, a
# 64-bit dwData (below 2^63: bash computes the receiver's answer dwData + cbData), and UTF-8 text for
# the detail pane to decode (URL-encoded: the Windows JVM reads -D values in the ANSI code page).
TEXT='IPC Scope grüßt über WM_COPYDATA'
TEXT_URL='IPC+Scope+gr%C3%BC%C3%9Ft+%C3%BCber+WM_COPYDATA'
MESSAGES=("0x1:0" "0x2:1" "0xcafe:65536" "0x7fffffff00000001:300" "0x54455854=$TEXT_URL")
RECEIVER_TITLE='IPC Scope probe receiver'
# what the registered-message sender puts in its buffer (the strategy's name follows), and its window
REGMSG_TEXT='shared text from the sender'
REGMSG_TITLE='IPC Scope registered messages'

# shellcheck source=smoke-wine-lib.sh
. "$SMOKE_DIR/smoke-wine-lib.sh"

smoke_wine_product "$zip" org.ipcscope.ui.sniff "sniffer view"
messages=$(IFS=';'; echo "${MESSAGES[*]}")
smoke_wine_workbench "${SMOKE_TIMEOUT:-420}" 40 \
	"-Dipcscope.probe.copyDataHelper=$(windows_path "$COPYDATA_HELPER")" \
	"-Dipcscope.probe.copyDataMessages=$messages" \
	"-Dipcscope.probe.regMsgHelper=$(windows_path "$REGMSG_HELPER")" \
	"-Dipcscope.probe.regMsgText=$REGMSG_TEXT"

smoke_expect_common org.ipcscope.core org.ipcscope.ui org.ipcscope.win32 org.ipcscope.ui.sniff org.ipcscope.app
smoke_expect "the sniffer view opened" '^sniff-view\tafter\topen\t'
smoke_expect "the picker listed the receiver" "^sniff\tpicker\t0x[0-9a-f]+\tIpcScopeProbeReceiver\t$RECEIVER_TITLE\t"
smoke_expect "the receiver is the picked target" "^sniff\tpicked\t.*$RECEIVER_TITLE"
# Wine paints no digits in SWT win32 spinners; what they hold is what a capture gets
smoke_expect "the payload cap spinner holds 1024 (KiB)" '^sniff\tspinner\t1024\t1024$'
smoke_expect "the ring slots spinner holds 4096" '^sniff\tspinner\t4096\t4096$'

# spec_dwdata SPEC / spec_size SPEC: what a message of MESSAGES carries
spec_dwdata() {
	printf '%s' "${1%%[:=]*}"
}
spec_size() {
	case $1 in
	*=*) printf '%s' "$TEXT" | LC_ALL=C wc -c | tr -d ' ' ;;
	*) printf '%s' "${1#*:}" ;;
	esac
}

for strategy in PROXY IN_PROCESS; do
	smoke_expect "$strategy: the capture ran" "^sniff\t$strategy\tstate\trunning\t.* \| Capturing "
	sender=$(sed -n "s/^sniff\t$strategy\tsender-pid\t\([0-9]*\)$/\1/p" "$SMOKE_REPORT" 2>/dev/null || true)
	[ -n "$sender" ] || sender=unknown
	count=${#MESSAGES[@]}
	smoke_expect "$strategy: the table shows exactly the $count messages" "^sniff\t$strategy\trows\t$count$"
	for k in "${!MESSAGES[@]}"; do
		spec=${MESSAGES[$k]}
		hex=$(spec_dwdata "$spec")
		size=$(spec_size "$spec")
		unsigned=$((hex))
		hex=$(printf '0x%x' "$unsigned")
		answer=$((unsigned + size))
		fnv=$(sed -n "s/^sniff\t$strategy\tsent\t$k\t$unsigned\t$size\t$answer\t\([0-9a-f]\{16\}\)$/\1/p" "$SMOKE_REPORT" 2>/dev/null || true)
		smoke_check "$strategy #$k ($hex, $size bytes): the sender got the receiver's answer $answer" test -n "$fnv"
		[ -n "$fnv" ] || fnv=none
		smoke_expect "$strategy #$k: the receiver got it byte-exact, in order" \
			"^sniff\t$strategy\treceived\t$k\t$unsigned\t$size\t$fnv$"
		if [ "$strategy" = PROXY ]; then
			result=$answer # the proxy forwards and sees the answer
		else
			result="($answer)?" # the DLL copies before the target answers
		fi
		smoke_expect "$strategy #$k: row $k shows sender pid $sender, dwData $hex ($unsigned), cbData $size" \
			"^sniff\t$strategy\trow\t$k\t[0-9]+\t[0-9:.]+\t0x[0-9a-f]+ \(pid $sender\)\t0x[0-9a-f]+\t$hex \($unsigned\)\t$size\t$result\t"
		smoke_expect "$strategy #$k: the view hands on the payload byte-exact" \
			"^sniff\t$strategy\tpayload\t$k\t$hex\t$size\t$size\t$fnv\t$sender$"
	done
	smoke_expect "$strategy: Stop ended the capture" "^sniff\t$strategy\tstate\tstopped\t.* \| Stopped$"
	smoke_expect "$strategy: Stop gave the target back its title" \
		"^sniff\t$strategy\ttarget-after-stop\tOK visible=0 title=$RECEIVER_TITLE$"
	smoke_expect "$strategy: after Stop a message reaches the target and is answered" \
		"^sniff\t$strategy\tafter-stop-sent\t0\t22281\t3\t22284\t"
	smoke_expect "$strategy: ... the target itself got it" "^sniff\t$strategy\tafter-stop-received\tOK count=$((count + 1))$"
	smoke_expect "$strategy: ... and the table did not" "^sniff\t$strategy\tafter-stop-rows\t$count$"
	smoke_check "$strategy: a screenshot of the table was saved" \
		test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-sniffer-$(echo "$strategy" | tr 'A-Z_' 'a-z-').png"
done
smoke_expect_none "PROXY: while capturing, the target had been renamed" \
	"^sniff\tPROXY\ttarget-while-capturing\tOK visible=0 title=$RECEIVER_TITLE$"
smoke_expect "IN_PROCESS: while capturing, the target kept its title" \
	"^sniff\tIN_PROCESS\ttarget-while-capturing\tOK visible=0 title=$RECEIVER_TITLE$"
smoke_expect "the detail pane decodes the text message" "^sniff\tdetail\ttext\t$TEXT$"
smoke_expect "the detail pane says how it decoded it" "^sniff\tdetail\tsummary\t.*UTF-8 \(valid UTF-8\)"
smoke_check "a screenshot of the detail pane was saved" test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-sniffer-detail.png"

# The registered messages, shown in the columns' display order: #, Time, Message, wParam, lParam, Sender,
# Target, Result, dwData, cbData, Preview.
smoke_expect "regmsg: the picker listed the receiver" "^regmsg\tpicker\t0x[0-9a-f]+\tIpcScopeProbeRegMsg\t$REGMSG_TITLE\t"
smoke_expect "regmsg: the view shows Message, wParam and lParam before the WM_COPYDATA columns" \
	'^regmsg\tPROXY\tcolumns\t#\tTime\tMessage\twParam\tlParam\tSender\tTarget\tResult\t'
# regmsg_value TAG KEY FIELD: FIELD=value of the sender's line KEY (SENT Handle, DONE)
regmsg_value() {
	sed -n "s/^regmsg\t$1\tsender\t$2 .*\b$3=\([0-9a-fx]*\).*/\1/p" "$SMOKE_REPORT" 2>/dev/null | head -n 1
}
# regmsg_param VALUE: a wParam or lParam cell, hex and then decimal
regmsg_param() {
	printf '0x%x \\(%s\\)' "$(($1))" "$(printf '%u' "$(($1))")"
}
for strategy in PROXY IN_PROCESS; do
	text="$REGMSG_TEXT $strategy"
	smoke_expect "regmsg $strategy: the capture ran" "^regmsg\t$strategy\tstate\trunning\t.* \| Capturing "
	pid=$(regmsg_value "$strategy" DONE pid)
	address=$(regmsg_value "$strategy" DONE address)
	smoke_check "regmsg $strategy: the sender sent the three and posted Shared (pid ${pid:-?}, buffer ${address:-?})" \
		test -n "$pid" -a -n "$address"
	pid=${pid:-0}
	address=${address:-0}
	smoke_expect "regmsg $strategy: ... and the receiver answered Handle with the length of the text it read" \
		"^regmsg\t$strategy\tsender\tSENT Handle id=0x[0-9a-f]+ wParam=$pid lParam=$address result=${#text}$"
	smoke_expect "regmsg $strategy: the receiver read the sender's buffer" \
		"^regmsg\t$strategy\treceived\tMSG Handle sent $pid $address $text$"
	smoke_expect "regmsg $strategy: the table shows exactly the 4 messages" "^regmsg\t$strategy\trows\t4$"
	if [ "$strategy" = PROXY ]; then
		results=(101 "${#text}" 103 "")
	else
		results=("(101)?" "(${#text})?" "(103)?" "")
	fi
	names=("sent Mapped" "sent Handle" "sent Shared" "posted Shared")
	wparams=(0 "$pid" 0 0x5eed)
	lparams=(0 "$address" 0 "$address")
	for k in 0 1 2 3; do
		smoke_expect "regmsg $strategy #$k: ${names[$k]}, wParam ${wparams[$k]}, lParam ${lparams[$k]}, result ${results[$k]:-none}" \
			"^regmsg\t$strategy\trow\t$k\t[0-9]+\t[0-9:.]+\t${names[$k]}\t$(regmsg_param "${wparams[$k]}")\t$(regmsg_param "${lparams[$k]}")\t[^\t]*\t0x[0-9a-f]+\t${results[$k]}\t"
	done
	smoke_expect "regmsg $strategy: the detail line of Handle names pid $pid and the buffer" \
		"^regmsg\t$strategy\tdetail\tfields\tsent Handle \(0x[0-9a-f]+\)  \|  wParam $(regmsg_param "$pid")  \|  lParam $(regmsg_param "$address")  \|"
	smoke_expect "regmsg $strategy: Open in Hex Editor is offered for process $pid at $address" \
		"^regmsg\t$strategy\tdetail\topen-memory\toffered\t.*process $pid .* $address "
	smoke_expect "regmsg $strategy: Stop ended the capture" "^regmsg\t$strategy\tstate\tstopped\t.* \| Stopped$"
	smoke_check "regmsg $strategy: a screenshot of the table was saved" \
		test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-regmsg-$(echo "$strategy" | tr 'A-Z_' 'a-z-').png"
done
# pid and address: the IN_PROCESS round's, whose sender still holds its buffer
smoke_expect "regmsg: Open in Hex Editor opened the memory of the sender $pid" \
	"^regmsg\thex\ttitle\tregmsg_helper\.exe \\($pid\\) "
smoke_expect "regmsg: ... with the caret at the buffer's address $address" \
	"^regmsg\thex\tstatus\tOffset $(printf '0x%X' "$((address))") "
# from the caret to the end of the rows on screen: a row (16 bytes) at least, or all of it
shown=$(sed -n 's/^regmsg\thex\ttext-at-caret\t//p' "$SMOKE_REPORT" 2>/dev/null || true)
# begins_with TEXT PREFIX: PREFIX is TEXT's first 16 characters or more
begins_with() {
	[ "${#2}" -ge 16 ] && [ "${1:0:${#2}}" = "$2" ]
}
smoke_check "regmsg: ... where it shows the sender's buffer's text ('$shown')" \
	begins_with "$REGMSG_TEXT IN_PROCESS" "$shown"
smoke_check "regmsg: screenshots of the hex editor were saved" \
	test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-regmsg-hex-opened.png" -a -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-regmsg-hex.png"
smoke_end
