#!/bin/bash
# Help > Check for Updates in the Linux product: the product's p2 profile knows the update site the
# build named (-Dipcscope.update.url); pointed at a site with a newer IPC Scope, Check for Updates
# offers it, installs it (licence accepted, unsigned content trusted), Restart Now, and the
# product's launcher starts it again on the newer bundles, where Check for Updates finds nothing.
#
# usage: PROBE_JAR=/path/to/org.ipcscope.tests.probe.jar \
#        UPDATE_URL=the-url-the-product-was-built-with UPDATE_SITE=/path/to/newer/site \
#        update-test.sh PRODUCT_ARCHIVE WORK_DIR SCREENSHOT_DIR
#
#   PRODUCT_ARCHIVE  ipcscope-linux.gtk.x86_64.tar.gz
#   WORK_DIR         the unpacked product, reports (report.txt, report-restart.txt), log and home (emptied first)
#   SCREENSHOT_DIR   update-test-N-PAGE.png: each wizard page and p2 question of the update;
#                    update-test-restart-N-message.png: "No updates found" after the restart
#   UPDATE_SITE      a p2 repository with org.ipcscope.standalone of a higher version than the product's
#                    (build-newer-site.sh makes one)
#
# SMOKE_TIMEOUT (seconds, default 600): the product is killed after twice that (two starts).
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin update-test "$0" "$@"
archive=$(realpath "$1")
: "${UPDATE_URL:?UPDATE_URL must be the update site URL the product was built with}"
: "${UPDATE_SITE:?UPDATE_SITE must name a p2 repository with a newer IPC Scope}"
site=$(realpath "$UPDATE_SITE")

mkdir -p "$SMOKE_WORK/product"
tar -xzf "$archive" -C "$SMOKE_WORK/product"
install="$SMOKE_WORK/product/ipcscope"
settings="$install/p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile/.data/.settings"
bundles_info="$install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"

# p2 writes a ':' in a preference value as '\:'
url_pref=${UPDATE_URL//:/\\:}
for kind in metadata artifact; do
	smoke_check "the product's p2 profile has the update site $UPDATE_URL as its $kind repository" \
		bash -c "sed -n 's#^repositories/[^=]*/uri=##p' '$settings/org.eclipse.equinox.p2.$kind.repository.prefs' | grep -qxF -- '$url_pref'"
done
smoke_check "the profile has org.ipcscope.standalone as a root of its own" bash -c \
	"zcat \$(ls '$install'/p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile/*.profile.gz | sort | tail -n 1) \
	| grep -A3 \"<iuProperties id='org.ipcscope.standalone.feature.group'\" | grep -q \"org.eclipse.equinox.p2.type.root' value='true'\""

old=$(sed -n 's/^org\.ipcscope\.core,\([^,]*\),.*/\1/p' "$bundles_info")
new=$(ls "$site/plugins" | sed -n 's/^org\.ipcscope\.core_\(.*\)\.jar$/\1/p' | sort -V | tail -n 1)
smoke_log "installed org.ipcscope.core $old, the site has $new"
smoke_check "the site's version $new is newer than the product's $old" \
	test "$(printf '%s\n%s\n' "$old" "$new" | sort -V | tail -n 1)" = "$new" -a "$old" != "$new"

# the site the build named becomes the newer site: the product now sees an update there
new_pref="file\\:$site"
sed -i "s#=$(printf '%s' "$url_pref" | sed 's/[#\\]/\\&/g')\$#=$(printf '%s' "$new_pref" | sed 's/[#\\&]/\\&/g')#" \
	"$settings/org.eclipse.equinox.p2.metadata.repository.prefs" "$settings/org.eclipse.equinox.p2.artifact.repository.prefs"

# the user's own setting of a live refresh once an hour: Check for Updates is tested, and on a busy
# machine the IPC Objects view refreshing every 2 s keeps the UI thread from the probe for minutes
settings_dir="$SMOKE_WORK/home/.local/share/ipcscope/workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings"
mkdir -p "$settings_dir"
printf 'eclipse.preferences.version=1\nliveRefreshMillis=3600000\n' > "$settings_dir/org.ipcscope.ui.prefs"

# The product started as its users start it, with its own launcher (ipcscope, no arguments): the
# probe's settings go to its JVMs through JAVA_TOOL_OPTIONS. Restart Now ends the first JVM with
# EXIT_RESTART and the launcher starts a second. p2 keeps the probe's line when it writes bundles.info,
# so the probe runs in the second JVM too, which writes report-restart.txt beside the first's report.txt.
limit=${SMOKE_TIMEOUT:-600}
report="$SMOKE_WORK/report.txt"
restarted="$SMOKE_WORK/report-restart.txt"
smoke_start_xvfb
smoke_add_probe "$install"
mkdir -p "$SMOKE_SCREENSHOTS"
smoke_log "starting $install/ipcscope (killed after $((2 * limit))s)"
started=$SECONDS
code=0
(cd "$SMOKE_WORK" && timeout -k 10 $((2 * limit)) env -u XDG_DATA_HOME HOME="$SMOKE_WORK/home" \
	JAVA_TOOL_OPTIONS="-Duser.home=$SMOKE_WORK/home -Duser.language=en -Duser.country=US \
-Dipcscope.probe.report=$report -Dipcscope.probe.screenshot=$SMOKE_SCREENSHOTS/update-test.png \
-Dipcscope.probe.open=perspective -Dipcscope.probe.timeoutSeconds=$((limit - 30)) -Dipcscope.probe.update=true" \
	"$install/ipcscope") > "$SMOKE_WORK/workbench.log" 2>&1 < /dev/null || code=$?
smoke_log "the launcher exited with $code after $((SECONDS - started))s (log: $SMOKE_WORK/workbench.log)"
smoke_check "the launcher ended normally after both starts (exit code $code; 124 = killed on timeout)" test "$code" -eq 0

SMOKE_REPORT=$report
smoke_log "before the update: $report"
smoke_expect "the probe finished" '^probe\tdone\t'
smoke_expect_none "the probe hit no error" '^error\t'
smoke_expect "the running IPC Scope was $old" "^update\tinstalled\t$(smoke_regex "$old")$"
smoke_expect "p2 knows the site as an update site" "^update\tsite\tfile:$(smoke_regex "$site")/?$"
smoke_expect "Help > Check for Updates was selected" '^update\tmenu\tCheck for Updates$'
smoke_expect "the wizard opened on Available Updates" '^update\tpage\t[^\t]+\tAvailable Updates\t'
smoke_expect "Next > led to Update Details" '^update\tpage\t[^\t]+\tUpdate Details\t'
smoke_expect "Check for Updates offered IPC Scope Standalone $new" \
	"^update\toffered\tIPC Scope Standalone(\t[^\t]*)*\t$(smoke_regex "$new")(\t|$)"
smoke_expect "Next > led to Review Licenses" '^update\tpage\t[^\t]+\tReview Licenses\t'
smoke_expect "the licence was accepted" '^update\tlicence\taccepted$'
smoke_expect "the update was finished" '^update\tpressed\tFinish$'
smoke_expect "p2 asked to restart, and Restart Now was pressed" '^update\tpressed\tRestart Now$'
smoke_check "p2 wrote org.ipcscope.core $new into bundles.info" grep -q "^org\.ipcscope\.core,$(smoke_regex "$new")," "$bundles_info"
smoke_check "and no longer $old" bash -c "! grep -q '^org\.ipcscope\.core,$(smoke_regex "$old"),' '$bundles_info'"

# shellcheck disable=SC2034 # read by smoke_expect and smoke_end (smoke-lib.sh)
SMOKE_REPORT=$restarted
smoke_log "after Restart Now: $restarted"
smoke_check "bundles.info still lists the probe, so that it ran after the restart" grep -q '^org\.ipcscope\.tests\.probe,' "$bundles_info"
smoke_check "the launcher started the workbench again after Restart Now (the probe's second report)" test -s "$restarted"
smoke_expect "the probe finished" '^probe\tdone\t'
smoke_expect_none "the probe hit no error" '^error\t'
for bundle in org.ipcscope.core org.ipcscope.ui org.ipcscope.linux org.ipcscope.app org.ipcscope.cli; do
	smoke_expect "after the restart $bundle $new is resolved" \
		"^bundle\t$bundle\t$(smoke_regex "$new")\t(RESOLVED|STARTING|ACTIVE)$"
done
smoke_expect "after the restart the running IPC Scope is $new" "^update\tinstalled\t$(smoke_regex "$new")$"
smoke_expect "Check for Updates ran again" '^update\tmenu\tCheck for Updates$'
smoke_expect_none "and offered nothing newer" '^update\toffered\t'
smoke_expect "p2 said there are no updates" '^update\tdialog\t[^\t]*\t[^\t]*[Nn]o updates'
# shellcheck disable=SC2034 # read by smoke_end (smoke-lib.sh)
SMOKE_SCREENSHOT=$SMOKE_SCREENSHOTS/update-test-1-IUSelectionPage.png
smoke_end
