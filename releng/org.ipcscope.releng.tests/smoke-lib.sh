# shellcheck shell=bash
# Shared by ide-install-test.sh and product-smoke-test.sh: a private Xvfb, the POSIX shm helper,
# the probe added to an installation, a workbench run that is killed rather than left hanging,
# and assertions on the probe's report. Source it; do not run it.
#
# Needs: PROBE_JAR (the org.ipcscope.tests.probe jar), for smoke_run_workbench JAVA (a Java 21+ java
# binary of a JDK), for smoke_start_shm_helper IPC_HELPER
# (bundles/org.ipcscope.tests.support/target/native/ipc_helper), Xvfb, GTK 3 and ImageMagick's identify.

SMOKE_FAILURES=0
SMOKE_CHECKS=0
SMOKE_XVFB_PID=
SMOKE_HELPER_PID=
SMOKE_SHM_NAME=

smoke_log() {
	printf '[%s] %s\n' "$SMOKE_TEST" "$*"
}

smoke_elapsed() {
	echo $((SECONDS - SMOKE_STARTED))
}

# smoke_begin TEST_NAME SCRIPT ARG WORK_DIR SCREENSHOT_DIR: checks the script's usage; everything the
# test writes goes to WORK_DIR (emptied first), its screenshot to SCREENSHOT_DIR.
smoke_begin() {
	SMOKE_TEST=$1
	# the calling script's header comment is its usage
	if [ $# -ne 5 ]; then
		sed -n '2,15p' "$2" >&2
		exit 64
	fi
	SMOKE_WORK=$(realpath -m "$4")
	SMOKE_SCREENSHOTS=$(realpath -m "$5")
	SMOKE_STARTED=$SECONDS
	: "${PROBE_JAR:?PROBE_JAR must name the org.ipcscope.tests.probe jar}"
	rm -rf "$SMOKE_WORK"
	mkdir -p "$SMOKE_WORK"
	trap smoke_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

smoke_cleanup() {
	local status=$?
	if [ -n "$SMOKE_HELPER_PID" ]; then
		# end of its stdin: the helper removes its segment and exits
		exec 4>&- 2>/dev/null || true
		sleep 0.2
		kill "$SMOKE_HELPER_PID" 2>/dev/null || true
		wait "$SMOKE_HELPER_PID" 2>/dev/null || true
	fi
	# the helper unlinks its segment itself; this covers a helper that could not
	if [ -n "$SMOKE_SHM_NAME" ]; then
		rm -f "/dev/shm/$SMOKE_SHM_NAME"
	fi
	if [ -n "$SMOKE_XVFB_PID" ]; then
		kill "$SMOKE_XVFB_PID" 2>/dev/null || true
		wait "$SMOKE_XVFB_PID" 2>/dev/null || true
	fi
	exit "$status"
}

# A private X server: -displayfd makes Xvfb pick a free display itself, so concurrent builds never
# share or fight over a display number.
smoke_start_xvfb() {
	local display_file="$SMOKE_WORK/xvfb.display" waited=0
	: > "$display_file"
	Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3> "$display_file" > "$SMOKE_WORK/xvfb.log" 2>&1 &
	SMOKE_XVFB_PID=$!
	until [ -s "$display_file" ]; do
		if ! kill -0 "$SMOKE_XVFB_PID" 2>/dev/null || [ "$waited" -ge 100 ]; then
			smoke_log "Xvfb did not start:"
			cat "$SMOKE_WORK/xvfb.log" >&2
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
	DISPLAY=":$(tr -d '[:space:]' < "$display_file")"
	export DISPLAY
	unset WAYLAND_DISPLAY
	export GDK_BACKEND=x11
	smoke_log "Xvfb on $DISPLAY"
}

# smoke_start_shm_helper NAME SIZE: the project's native test helper (ipc_helper, built by
# org.ipcscope.tests.support) holds the POSIX shm segment /NAME of SIZE bytes while its stdin, fd 4
# here, stays open; it also leaves on its parent's death and after its own timeout.
smoke_start_shm_helper() {
	local name=$1 size=$2 out="$SMOKE_WORK/shm-helper.out" waited=0
	: "${IPC_HELPER:?IPC_HELPER must name the native ipc_helper (org.ipcscope.tests.support)}"
	SMOKE_SHM_NAME=$name
	mkfifo "$SMOKE_WORK/shm-helper.stdin"
	: > "$out"
	"$IPC_HELPER" posix "/$name" "$size" < "$SMOKE_WORK/shm-helper.stdin" > "$out" 2>&1 &
	SMOKE_HELPER_PID=$!
	exec 4> "$SMOKE_WORK/shm-helper.stdin"
	until grep -q "^READY posix /$name\$" "$out"; do
		if ! kill -0 "$SMOKE_HELPER_PID" 2>/dev/null || [ "$waited" -ge 100 ]; then
			smoke_log "the shm helper did not start:"
			cat "$out" >&2
			return 1
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
	smoke_log "helper holds /dev/shm/$name ($(stat -c %s "/dev/shm/$name") bytes)"
}

# smoke_manifest_header JAR HEADER: a main-section header of the jar's manifest (one line long).
smoke_manifest_header() {
	local jar=$1 header=$2 manifest
	if command -v unzip > /dev/null; then
		manifest=$(unzip -p "$jar" META-INF/MANIFEST.MF)
	else
		# no unzip: the JDK's jar tool
		manifest=$(cd "$SMOKE_WORK" && "$(dirname "$JAVA")/jar" xf "$jar" META-INF/MANIFEST.MF && cat META-INF/MANIFEST.MF && rm -r META-INF)
	fi
	printf '%s\n' "$manifest" | tr -d '\r' | sed -n "s/^$header: *//p"
}

# smoke_add_probe INSTALL_DIR: lists the probe in the installation's simpleconfigurator bundles.info,
# as p2 would have listed an installed bundle (lazy, default start level).
smoke_add_probe() {
	local install=$1 bundles_info version jar
	bundles_info="$install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
	version=$(smoke_manifest_header "$PROBE_JAR" Bundle-Version)
	[ -n "$version" ] || { smoke_log "no Bundle-Version in $PROBE_JAR"; return 1; }
	jar="org.ipcscope.tests.probe_$version.jar"
	cp "$PROBE_JAR" "$install/plugins/$jar"
	sed -i '/^org\.ipcscope\.tests\.probe,/d' "$bundles_info"
	echo "org.ipcscope.tests.probe,$version,plugins/$jar,4,false" >> "$bundles_info"
	smoke_log "probe $version added to $bundles_info"
}

# smoke_run_workbench INSTALL_DIR TIMEOUT_SECONDS OPEN_MODE [program args...]: starts the
# installation as its users do (java -jar the launcher; eclipse.ini is not read), with the probe's
# settings; killed after TIMEOUT_SECONDS. Sets SMOKE_EXIT, SMOKE_REPORT and SMOKE_SCREENSHOT.
smoke_run_workbench() {
	local install=$1 limit=$2 open=$3 launcher started probe_limit
	shift 3
	: "${JAVA:?JAVA must name a Java 21+ java binary}"
	# the probe gives up in time to write its report and close the workbench before the kill
	probe_limit=$((limit > 60 ? limit - 30 : limit / 2))
	launcher=$(ls "$install"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
	SMOKE_REPORT="$SMOKE_WORK/report.txt"
	SMOKE_SCREENSHOT="$SMOKE_SCREENSHOTS/$SMOKE_TEST.png"
	rm -f "$SMOKE_REPORT" "$SMOKE_SCREENSHOT"
	mkdir -p "$SMOKE_WORK/home" "$SMOKE_SCREENSHOTS"
	smoke_log "starting $install (killed after ${limit}s)"
	started=$SECONDS
	set +e
	# SMOKE_NO_DATA=true: no -data, as a user double-clicking starts it (the workspace is the product's choice)
	local data=(-data "$SMOKE_WORK/workspace")
	[ "${SMOKE_NO_DATA:-false}" = true ] && data=()
	(cd "$install" && timeout -k 10 "$limit" env -u XDG_DATA_HOME "$JAVA" \
		-Dosgi.requiredJavaVersion=21 \
		-Duser.home="$SMOKE_WORK/home" \
		-Duser.language=en -Duser.country=US \
		-Dipcscope.probe.report="$SMOKE_REPORT" \
		-Dipcscope.probe.screenshot="$SMOKE_SCREENSHOT" \
		-Dipcscope.probe.open="$open" \
		-Dipcscope.probe.timeoutSeconds="$probe_limit" \
		-Dipcscope.probe.menus="${SMOKE_PROBE_MENUS:-false}" \
		-Dipcscope.probe.launchHelper="${SMOKE_PROBE_LAUNCH:-}" \
		-Dipcscope.probe.update="${SMOKE_PROBE_UPDATE:-false}" \
		-jar "$launcher" -clean -consoleLog "${data[@]}" "$@") \
		> "$SMOKE_WORK/workbench.log" 2>&1 < /dev/null 4>&-
	SMOKE_EXIT=$?
	set -e
	if [ "$SMOKE_EXIT" -eq 124 ] || [ "$SMOKE_EXIT" -eq 137 ]; then
		smoke_log "the workbench was still running after ${limit}s and was killed (log: $SMOKE_WORK/workbench.log)"
	else
		smoke_log "workbench exited with $SMOKE_EXIT after $((SECONDS - started))s (log: $SMOKE_WORK/workbench.log)"
	fi
}

smoke_pass() {
	SMOKE_CHECKS=$((SMOKE_CHECKS + 1))
	smoke_log "PASS $*"
}

smoke_fail() {
	SMOKE_CHECKS=$((SMOKE_CHECKS + 1))
	SMOKE_FAILURES=$((SMOKE_FAILURES + 1))
	smoke_log "FAIL $*"
}

# smoke_check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
smoke_check() {
	local description=$1
	shift
	if "$@" > /dev/null 2>&1; then
		smoke_pass "$description"
	else
		smoke_fail "$description"
	fi
}

# smoke_expect DESCRIPTION REGEX: a report line matches the extended regular expression; fields
# are separated by tabs (write \t).
smoke_expect() {
	local description=$1 pattern=$2
	if [ ! -f "$SMOKE_REPORT" ]; then
		smoke_fail "$description (no report)"
	elif grep -Eq -- "$(printf '%b' "$pattern")" "$SMOKE_REPORT"; then
		smoke_pass "$description"
	else
		smoke_fail "$description (no line matching '$pattern')"
	fi
}

# smoke_expect_none DESCRIPTION REGEX: no report line matches.
smoke_expect_none() {
	local description=$1 pattern=$2
	if [ ! -f "$SMOKE_REPORT" ]; then
		smoke_fail "$description (no report)"
	elif ! grep -Eq -- "$(printf '%b' "$pattern")" "$SMOKE_REPORT"; then
		smoke_pass "$description"
	else
		smoke_fail "$description (found: $(grep -E -m 3 -- "$(printf '%b' "$pattern")" "$SMOKE_REPORT" 2>/dev/null | tr '\t\n' ' |'))"
	fi
}

# The checks every run shares: the workbench ran, the probe finished, the bundles resolved, a
# screenshot that is a real picture of a window.
smoke_expect_common() {
	local bundle
	smoke_check "the workbench exited normally (exit code $SMOKE_EXIT; 124 = killed on timeout)" test "$SMOKE_EXIT" -eq 0
	smoke_check "the probe wrote its report" test -s "$SMOKE_REPORT"
	smoke_expect "the probe finished" '^probe\tdone\t'
	smoke_expect_none "the probe hit no error" '^error\t'
	for bundle in "$@"; do
		smoke_expect "$bundle is resolved" "^bundle\t$bundle\t[^\t]+\t(RESOLVED|STARTING|ACTIVE)$"
	done
	smoke_expect_none "no org.ipcscope bundle is left unresolved" '^bundle\t.*\t(INSTALLED|UNKNOWN.*)$'
	smoke_expect "the view lists rows" '^rows\t[1-9][0-9]*$'
	smoke_expect "the view shows the inventory's objects" '^snapshot\tobjects=[1-9]'
	smoke_check "a screenshot was saved" test -s "$SMOKE_SCREENSHOT"
	local picture
	picture=$(identify -format '%m %w %h %k' "$SMOKE_SCREENSHOT" 2>/dev/null || true)
	# %k: distinct colours; a black or blank capture has one or two
	# the probe makes the window 1200x800; what is on screen is a little less
	smoke_check "the screenshot is a PNG of the window with content (format, width, height, colours: $picture)" \
		awk -v p="$picture" 'BEGIN { split(p, f, " "); exit !(f[1] == "PNG" && f[2] >= 1000 && f[3] >= 600 && f[4] > 50) }'
}

# The segment the helper holds, as the model saw it and as the tree shows it (en_US locale): in the
# POSIX shm group, with the helper as the process that maps it.
smoke_expect_segment() {
	local name=$1 size=$2 shown=$3 owner
	owner="ipc_helper ($SMOKE_HELPER_PID)"
	smoke_expect "the inventory has /$name of $size bytes" "^object\tposix-shm\t/$name\t$size\t/dev/shm$"
	smoke_expect "the view has a POSIX shm group" '^group\tPOSIX shm \('
	smoke_expect "the view shows the row '/$name | POSIX shm | $shown | /dev/shm | $owner'" \
		"^row\t/$name\tPOSIX shm\t$(smoke_regex "$shown")\t/dev/shm\t$(smoke_regex "$owner")\t"
}

# The product's main menu (MenuProbe): the menus a user expects, every IPC Scope view and the
# Properties view opened through Window > Show View, and an About dialog with version and build id.
smoke_expect_menus() {
	local view
	# the bundles' File entries come in the order the bundles resolve
	smoke_expect "File offers Open Shared Memory..." '^menu\tFile\t(.*\t)?Open Shared Memory\.\.\.\t(.*\t)?Exit$'
	smoke_expect "File offers Open Capture..." '^menu\tFile\t(.*\t)?Open Capture\.\.\.\t(.*\t)?Exit$'
	smoke_expect "Edit offers Undo, Redo, Copy and Find..." '^menu\tEdit\tUndo( \(disabled\))?\tRedo( \(disabled\))?\tCopy( \(disabled\))?\tFind\.\.\.'
	smoke_expect "Window offers Show View, Reset Perspective... and Preferences" \
		'^menu\tWindow\tShow View\tReset Perspective\.\.\.\t(.*\t)?Preferences$'
	smoke_expect "Help offers About IPC Scope" '^menu\tHelp\t(.*\t)?About IPC Scope$'
	smoke_expect "Help offers Check for Updates (p2)" '^menu\tHelp\t(.*\t)?Check for Updates(\t|$)'
	smoke_expect "Help offers Install New Software... (p2)" '^menu\tHelp\t(.*\t)?Install New Software\.\.\.(\t|$)'
	smoke_expect "the Processes tab, closed, is offered by Show View" '^showview\tProcesses\t[^\t]+\tbefore\tclosed$'
	for view in "IPC Objects" "Processes" "Message Sniffer" "Traffic" "Clipboard" "Properties"; do
		smoke_expect "Window > Show View > $view opens it" "^showview\t$view\t[^\t]+\tafter\topen\tactive$"
	done
	smoke_expect_none "Show View offers no view that needs a process (Region Map)" '^showview\tRegion Map\t'
	# a region map opened with the sniffer and a hex editor keeps room for its rows (it showed 2 to 5
	# once); the probe's window is 1200x800
	smoke_expect "a hex editor opened from the region map" '^layout\teditors\t[1-9]'
	smoke_expect "the region map, with the sniffer and a hex editor open, shows at least 8 region rows" \
		'^layout\tregion-rows-visible\t([89]|[1-9][0-9]+)\t'
	smoke_expect "Help > About shows the version, the build id and the licence" \
		'^about\tAbout IPC Scope\t.*Version: [0-9]+\.[0-9]+\.[0-9]+ .*Build id: [0-9]{12}.*Eclipse Public License 2\.0'
}

smoke_regex() {
	printf '%s' "$1" | sed 's/[.()]/\\&/g'
}

smoke_end() {
	smoke_log "report: $SMOKE_REPORT"
	smoke_log "screenshot: $SMOKE_SCREENSHOT"
	if [ "$SMOKE_FAILURES" -ne 0 ]; then
		smoke_log "$SMOKE_FAILURES of $SMOKE_CHECKS checks FAILED in $(smoke_elapsed)s; last lines of the workbench log:"
		tail -n 40 "$SMOKE_WORK/workbench.log" >&2 || true
		if [ -f "$SMOKE_REPORT" ]; then
			smoke_log "report:"
			cat "$SMOKE_REPORT" >&2
		fi
		exit 1
	fi
	smoke_log "all $SMOKE_CHECKS checks passed in $(smoke_elapsed)s"
}
