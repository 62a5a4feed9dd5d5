#!/bin/bash
# The Clipboard view of the win32 product under Wine: the archived product, unpacked, started with
# the Windows JVM and SWT win32 on a private Xvfb, with the probe (ClipboardProbe).
# clipboard_helper.exe puts on the clipboard text, 8 bytes in the registered format "IpcScopeCustom"
# and "IpcScopeDelayed" with delayed rendering; the view, opened with Show View, lists the formats
# with the owner's pid; with the history recording, the helper puts new text twice and the history
# gets an entry each time; then Read Content on each format shows its content. The helper counts
# WM_RENDERFORMAT: 0 until the user reads the delayed format, 1 after. This script checks the report.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe PROBE_JAR=/path/to/org.ipcscope.tests.probe.jar \
#        CLIPBOARD_HELPER=/path/to/clipboard_helper.exe \
#        clipboard-win32-test.sh PRODUCT_ZIP WORK_DIR SCREENSHOT_DIR
#
#   PRODUCT_ZIP      ipcscope-win32.win32.x86_64.zip
#   WORK_DIR         the unpacked product, Wine prefix, report, logs and workspace (emptied first)
#   SCREENSHOT_DIR   where clipboard-win32-test.png (IPC Objects) and clipboard-win32-test-clipboard-*.png go
#
# SMOKE_TIMEOUT (seconds, default 300): the workbench is killed when it runs longer.
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin clipboard-win32-test "$0" "$@"
zip=$(realpath "$1")
: "${CLIPBOARD_HELPER:?CLIPBOARD_HELPER must name clipboard_helper.exe (bundles/org.ipcscope.win32.tests/native)}"

# what the helper puts on the clipboard, one after the other (ASCII: they pass through a command line)
TEXTS=("IPC Scope clipboard one" "IPC Scope clipboard two" "IPC Scope clipboard three")

# shellcheck source=smoke-wine-lib.sh
. "$SMOKE_DIR/smoke-wine-lib.sh"

smoke_wine_product "$zip" org.ipcscope.ui.clipboard "clipboard view"
texts=$(IFS=';'; echo "${TEXTS[*]}")
smoke_wine_workbench "${SMOKE_TIMEOUT:-300}" 40 \
	"-Dipcscope.probe.clipboardHelper=$(windows_path "$CLIPBOARD_HELPER")" \
	"-Dipcscope.probe.clipboardTexts=$texts"

smoke_expect_common org.ipcscope.core org.ipcscope.ui org.ipcscope.win32 org.ipcscope.ui.clipboard org.ipcscope.app
smoke_expect "the clipboard view opened" '^clip-view\tafter\topen\t'
owner=$(sed -n 's/^clip\towner\tREADY hwnd=\(0x[0-9a-f]*\) pid=[0-9]* custom=\([0-9]*\) delayed=\([0-9]*\) .*\tpid=\([0-9]*\)$/\1 \2 \3 \4/p' "$SMOKE_REPORT" 2>/dev/null || true)
read -r hwnd custom delayed pid <<< "${owner:-0x0 0 0 0}"
smoke_check "the helper owns the clipboard (window $hwnd, pid $pid, formats $custom and $delayed)" test "$pid" != 0
smoke_expect "the status names the owner's window and pid" "^clip\tstatus\tCLIPBOARD   owner $hwnd \(pid $pid( [^)]*)?\)   sequence [0-9]+"
# listing asks the owner nothing: no sizes (GlobalSize needs the data), no content
smoke_expect "the formats list shows the text, not read" '^clip\tformats\trow\t[0-9]+\t13\tCF_UNICODETEXT\t\?\tnot read$'
smoke_expect "... the registered format with its id" "^clip\tformats\trow\t[0-9]+\t$custom\tIpcScopeCustom\t\\?\tnot read$"
smoke_expect "... and the delayed format with its id" "^clip\tformats\trow\t[0-9]+\t$delayed\tIpcScopeDelayed\t\\?\tnot read$"
smoke_expect "listing the formats rendered nothing" '^clip\trenders\tlisted\tOK renders=0$'
changes=$((${#TEXTS[@]} - 1))
smoke_expect "the history recorded the $changes changes" "^clip\thistory-label\tHistory of changes: $changes \(recording\)$"
smoke_expect "the history has $changes rows" "^clip\thistory\trows\t$changes$"
for k in $(seq 1 "$changes"); do
	sequence=$(sed -n "s/^clip\tset\t$k\tOK sequence=\([0-9]*\)$/\1/p" "$SMOKE_REPORT" 2>/dev/null || true)
	smoke_check "change $k: the helper put '${TEXTS[$k]}' (sequence ${sequence:-?})" test -n "$sequence"
	# the history fetches the text only: its size, the other formats by name
	smoke_expect "change $k: a history row with its sequence, the owner, the three formats and the text" \
		"^clip\thistory\trow\t$((k - 1))\t[0-9:.]+\t${sequence:-none}\t$hwnd \(pid $pid( [^)]*)?\)\tCF_UNICODETEXT \($(( (${#TEXTS[$k]} + 1) * 2 ))\), IpcScopeCustom, IpcScopeDelayed(, [^\t]*)?\t${TEXTS[$k]}$"
done
smoke_expect "recording the history rendered nothing" '^clip\trenders\trecorded\tOK renders=0$'
smoke_expect "Read Content shows the text" "^clip\tread\tCF_UNICODETEXT\tdetail\t${TEXTS[$changes]}$"
smoke_expect "... its size and how it decoded it" \
	"^clip\tread\tCF_UNICODETEXT\trow\t13\tCF_UNICODETEXT\t$(( (${#TEXTS[$changes]} + 1) * 2 ))\tUTF-16LE text, NUL-terminated: ${TEXTS[$changes]}$"
smoke_expect "... and reading it rendered nothing" '^clip\trenders\tread-CF_UNICODETEXT\tOK renders=0$'
smoke_expect "Read Content shows the registered format's 8 bytes" \
	'^clip\tread\tIpcScopeCustom\tdetail\t00000000  49 50 43 01 02 03 fe ff +IPC\.\.\.\.\.'
smoke_expect "... and its size" "^clip\tread\tIpcScopeCustom\trow\t$custom\tIpcScopeCustom\t8\t8 bytes$"
smoke_expect "... and reading it rendered nothing" '^clip\trenders\tread-IpcScopeCustom\tOK renders=0$'
smoke_expect "Read Content on the delayed format shows what the owner rendered then" \
	'^clip\tread\tIpcScopeDelayed\tdetail\t00000000  72 65 6e 64 65 72 65 64 20 31 +rendered 1'
smoke_expect "... the owner rendered it once, when asked" '^clip\trenders\tread-IpcScopeDelayed\tOK renders=1$'
smoke_check "a screenshot of the history was saved" test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-clipboard-history.png"
smoke_check "a screenshot of the delayed format read was saved" test -s "$SMOKE_SCREENSHOTS/$SMOKE_TEST-clipboard-delayed.png"
smoke_end
