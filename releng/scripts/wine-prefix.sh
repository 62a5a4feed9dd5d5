# shellcheck shell=bash
# Sourced by the scripts that run Windows programs under Wine.
# wine_prefix_init LOG: makes the prefix $WINEPREFIX (wineboot -i), its output appended to LOG. A boot
# counts only when its wineserver has saved a registry that holds what the Windows JVM needs: the
# crypto provider types (SunMSCAPI's SecureRandom, which JNA's library extraction asks for). A
# wineserver that crashes during the boot (seen on a busy machine: "wineserver crashed" in LOG) loses
# the registrations, and every JVM then fails with NTE_PROV_TYPE_NOT_DEF. A failed boot is tried
# again on an empty prefix after its wineserver is gone, three times at most. Returns 0 on success.
wine_prefix_init() {
	local log=$1 attempt
	for attempt in 1 2 3; do
		echo "wineboot -i, attempt $attempt, $(date +%T)" >>"$log"
		if wineboot -i >>"$log" 2>&1 && wineserver -w >>"$log" 2>&1 &&
			grep -qF 'Cryptography\\Defaults\\Provider Types\\Type 001]' "$WINEPREFIX/system.reg" 2>/dev/null; then
			return 0
		fi
		echo "the prefix is not complete (no crypto provider types in system.reg): made again" >>"$log"
		wineserver -k >>"$log" 2>&1 || true
		wineserver -w >>"$log" 2>&1 || true
		rm -rf "$WINEPREFIX"
	done
	return 1
}
