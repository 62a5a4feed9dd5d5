# shellcheck shell=bash
# Sourced by the scripts that run the win32 product's ipcscope-cli.exe under Wine.
# win32_cli_complete PRODUCT WIN_JAVA WORK: a product folder without ipcscope-cli.exe or jre\ (an
# archive built before the launchers were packed) gets them: the launchers built from
# releng/org.ipcscope.product/launchers into WORK, the JRE of WIN_JAVA copied with the security
# file the launchers name (docs/dev/testing.md).
win32_cli_complete() {
	local product=$1 win_java=$2 work=$3 root
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	if [ ! -f "$product/ipcscope-cli.exe" ]; then
		# shellcheck source=find-jdk.sh
		. "$root/releng/scripts/find-jdk.sh" && find_jdk >/dev/null
		bash "$root/releng/org.ipcscope.product/launchers/build.sh" "$work" 0.1.0 test \
			"$root/bundles/org.ipcscope.ui/icons/ipc_objects.png" "$JAVA_HOME" || return 1
		cp "$work/ipcscope-cli.exe" "$product/"
	fi
	if [ ! -d "$product/jre" ]; then
		cp -r "$(dirname "$(dirname "$win_java")")" "$product/jre"
		printf 'security.provider.1=SunMSCAPI\nsecurity.provider.12=SUN\n' >"$product/jre/conf/security/ipcscope.security"
	fi
}
