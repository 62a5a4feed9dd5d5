# Sourced after smoke-lib.sh by the scripts that drive the win32 product under Wine
# (sniffer-win32-test.sh, traffic-win32-test.sh, clipboard-win32-test.sh): a Wine prefix of the
# test's own, the product unpacked with the probe, and the workbench run with the Windows JVM.
# Needs WIN_JAVA, the java.exe of a Windows x64 JRE.
# shellcheck shell=bash

: "${WIN_JAVA:?WIN_JAVA must name the java.exe of a Windows x64 JRE}"

export WINEPREFIX="$SMOKE_WORK/wineprefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64

# Wine maps drive Z: to /, so an absolute Linux path is a Windows path with a Z: in front.
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}

stop_wine() {
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
}

# The EXIT trap: Wine first, then what smoke_cleanup ends (Xvfb); exits with the status it finds in $?
smoke_wine_cleanup() {
	local status=$?
	stop_wine
	set +e
	(exit "$status")
	smoke_cleanup
}
trap smoke_wine_cleanup EXIT

# smoke_wine_product ZIP BUNDLE WHAT: unpacks the archive into $SMOKE_WORK/product, checks that it
# holds BUNDLE (the view under test, WHAT names it) and the Windows provider, adds the probe, makes
# a fresh prefix that SWT accepts (Windows 10, docs/dev/testing.md) and starts Xvfb. Sets
# SMOKE_INSTALL, the product's folder.
smoke_wine_product() {
	local zip=$1 bundle=$2 what=$3
	mkdir -p "$SMOKE_WORK/product"
	unzip -q "$zip" -d "$SMOKE_WORK/product"
	SMOKE_INSTALL="$SMOKE_WORK/product/ipcscope"
	smoke_check "the archive holds the product in ipcscope/" test -d "$SMOKE_INSTALL/plugins"
	smoke_check "the product holds the $what and the Windows provider" \
		bash -c "ls '$SMOKE_INSTALL/plugins' | grep -q '^${bundle}_' && ls '$SMOKE_INSTALL/plugins' | grep -q '^org.ipcscope.win32_'"
	smoke_add_probe "$SMOKE_INSTALL"
	# shellcheck source=../scripts/wine-prefix.sh
	. "$SMOKE_DIR/../scripts/wine-prefix.sh"
	(unset DISPLAY; wine_prefix_init "$SMOKE_WORK/wineboot.log" && wine winecfg /v win10 > /dev/null 2>&1) \
		|| { smoke_log "could not prepare the Wine prefix $WINEPREFIX"; exit 1; }
	stop_wine
	smoke_log "Wine prefix ready after $(smoke_elapsed)s"
	printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' > "$SMOKE_WORK/wine-java.security"
	smoke_start_xvfb
}

# smoke_wine_workbench LIMIT MARGIN [-Dname=value]...: starts the product's workbench under Wine with
# the probe, killed after LIMIT seconds; the probe gives up MARGIN seconds before that. Sets
# SMOKE_EXIT and SMOKE_REPORT (the probe's report with Unix line ends).
smoke_wine_workbench() {
	local limit=$1 margin=$2 launcher started
	shift 2
	launcher=$(ls "$SMOKE_INSTALL"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
	SMOKE_REPORT="$SMOKE_WORK/report.txt"
	SMOKE_SCREENSHOT="$SMOKE_SCREENSHOTS/$SMOKE_TEST.png"
	rm -f "$SMOKE_REPORT" "$SMOKE_SCREENSHOTS/$SMOKE_TEST"*.png
	mkdir -p "$SMOKE_SCREENSHOTS"
	smoke_log "starting the workbench under Wine (killed after ${limit}s)"
	started=$SECONDS
	set +e
	(cd "$SMOKE_INSTALL" && timeout -k 10 "$limit" wine "$WIN_JAVA" \
		"-Djava.security.properties=$(windows_path "$SMOKE_WORK/wine-java.security")" -XX:ActiveProcessorCount=2 \
		-Duser.language=en -Duser.country=US \
		"-Dipcscope.probe.report=$(windows_path "$SMOKE_REPORT")" \
		"-Dipcscope.probe.screenshot=$(windows_path "$SMOKE_SCREENSHOT")" \
		-Dipcscope.probe.open=perspective \
		"-Dipcscope.probe.timeoutSeconds=$((limit - margin))" \
		"$@" \
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
}
