# shellcheck shell=bash
# Sourced by the scripts that run Windows programs under Wine.
# wine_prefix_init LOG: makes the prefix $WINEPREFIX (wineboot -i), its output appended to LOG. A first
# boot that fails (seen once on a busy machine, with nothing in its output to act on) is tried once more
# on an empty prefix after its wineserver is gone. Returns wineboot's status.
wine_prefix_init() {
	local log=$1 attempt
	for attempt in 1 2; do
		echo "wineboot -i, attempt $attempt, $(date +%T)" >>"$log"
		if wineboot -i >>"$log" 2>&1; then
			return 0
		fi
		wineserver -k >>"$log" 2>&1 || true
		wineserver -w >>"$log" 2>&1 || true
		rm -rf "$WINEPREFIX"
	done
	return 1
}
