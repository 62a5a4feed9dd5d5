#!/bin/bash
# Runs this fragment's JUnit 5 tests in a Windows JVM under Wine, in a fresh Wine prefix.
#
# usage: WIN_JAVA=/path/to/jre/bin/java.exe CP=a.jar:b/classes:... wine-tests.sh HELPERS_DIR REPORTS_DIR
#
#   WIN_JAVA     the java.exe of an unpacked Windows x64 JRE (Linux path)
#   CP           the test class path in Linux form (':'-separated jars and class directories); it must
#                hold junit-platform-console-standalone, the tests, the bundle under test, its deps
#   HELPERS_DIR  directory with the native test helpers (native/build-helpers.sh output)
#   REPORTS_DIR  where the launcher writes its XML reports; the Wine prefix and the JVM's settings go
#                into its parent directory (target/)
#   optional:    JUNIT_SELECT (default "--select-package org.ipcscope.win32"), JVM_ARGS (extra JVM options),
#                WINE_TESTS_TIMEOUT (seconds the test JVM may run, default 900)
#
# Exits with the launcher's exit code: 0 all passed, 1 failures, 2 no tests found; 124 timed out.
set -euo pipefail

if [ $# -ne 2 ] || [ -z "${WIN_JAVA:-}" ] || [ -z "${CP:-}" ]; then
	sed -n '2,18p' "$0" >&2
	exit 64
fi
helpers=$(realpath -m "$1")
reports=$(realpath -m "$2")
target=$(dirname "$reports")

# Wine maps drive Z: to /, so an absolute Linux path is a Windows path with a Z: in front;
# no need to start Wine once per path as winepath would.
windows_path() {
	local path
	path=$(realpath -m "$1")
	printf 'Z:%s' "${path//\//\\}"
}

windows_class_path() {
	local entry result="" entries
	IFS=':' read -r -a entries <<< "$1"
	for entry in "${entries[@]}"; do
		[ -n "$entry" ] || continue
		result="${result:+$result;}$(windows_path "$entry")"
	done
	printf '%s' "$result"
}

export WINEPREFIX="$target/wineprefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
# Without a display Wine cannot wait on a dead X server; windows use the null driver (below).
unset DISPLAY

elapsed_ms() {
	echo $((($(date +%s%N) - $1) / 1000000))
}

stop_wine() {
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
}
trap stop_wine EXIT

mkdir -p "$reports"
rm -rf "$WINEPREFIX"
started=$(date +%s%N)
# shellcheck source=../../releng/scripts/wine-prefix.sh
. "$(dirname "$(realpath "$0")")/../../releng/scripts/wine-prefix.sh"
wine_prefix_init "$reports/wineboot.log" || { echo "wineboot -i failed for $WINEPREFIX (see $reports/wineboot.log)" >&2; exit 70; }
# The WM_COPYDATA tests open top-level windows: Wine's null display driver gives them a desktop
# without an X server (it takes effect once the wineserver restarts).
wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
stop_wine
echo "wine-tests: prefix ready in $(elapsed_ms "$started") ms"

# Without these providers the JVM dies under Wine 8 on its first SecureRandom use: the default
# provider order reaches java.net.NetworkInterface, which needs GetAnycastIpAddressTable.
security="$target/wine-java.security"
printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' > "$security"

jvm_args=(
	"-Djava.security.properties=$(windows_path "$security")"
	"-Dipcscope.win32.helpers=$(windows_path "$helpers")"
	-XX:ActiveProcessorCount=2
	--enable-native-access=ALL-UNNAMED
)

# JNA would otherwise extract its DLL to a temporary file at every start.
jna_jar=$(tr ':' '\n' <<< "$CP" | grep -E '/jna-[0-9][^/]*\.jar$' | head -n 1 || true)
if [ -n "$jna_jar" ] && command -v unzip >/dev/null; then
	native="$target/jna-native"
	mkdir -p "$native"
	if unzip -o -q -j "$jna_jar" 'com/sun/jna/win32-x86-64/jnidispatch.dll' -d "$native" 2>/dev/null; then
		jvm_args+=("-Djna.boot.library.path=$(windows_path "$native")")
	fi
fi

read -r -a select <<< "${JUNIT_SELECT:---select-package org.ipcscope.win32}"
read -r -a extra <<< "${JVM_ARGS:-}"

started=$(date +%s%N)
set +e
timeout --kill-after=10 "${WINE_TESTS_TIMEOUT:-900}" wine "$WIN_JAVA" "${jvm_args[@]}" "${extra[@]}" -cp "$(windows_class_path "$CP")" \
	org.junit.platform.console.ConsoleLauncher execute \
	"${select[@]}" --fail-if-no-tests --disable-banner --disable-ansi-colors --details=tree \
	--reports-dir "$(windows_path "$reports")"
status=$?
set -e
echo "wine-tests: JVM ran $(elapsed_ms "$started") ms, exit code $status"
exit $status
