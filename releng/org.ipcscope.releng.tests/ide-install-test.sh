#!/bin/bash
# Update-site install test: IPC Scope, installed from the update site with the p2 director into an
# Eclipse IDE workbench (both done by this module's pom before this script runs), resolves, is offered
# under Window > Show View > IPC Scope, and opens through the Show View command with rows.
#
# usage: JAVA=/path/to/jdk/bin/java PROBE_JAR=/path/to/org.ipcscope.tests.probe.jar \
#        IPC_HELPER=bundles/org.ipcscope.tests.support/target/native/ipc_helper \
#        SITE_REPOSITORY=releng/org.ipcscope.site/target/repository \
#        ide-install-test.sh INSTALL_DIR WORK_DIR SCREENSHOT_DIR
#
#   INSTALL_DIR     the IDE workbench IPC Scope was installed into
#   WORK_DIR        report, logs, workspace and home of the run (emptied first)
#   SCREENSHOT_DIR  where ide-install-test.png goes
#
# SMOKE_TIMEOUT (seconds, default 180): the workbench is killed when it runs longer.
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin ide-install-test "$0" "$@"
install=$(realpath "$1")

segment="ipcscope-ide-test-$$"
size=65659
bundles_info="$install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"

# the site's units: the feature a user picks, and none describing the build's JDK (a.jre.javase)
: "${SITE_REPOSITORY:?SITE_REPOSITORY must name the built update site}"
(unzip -p "$SITE_REPOSITORY/content.jar" content.xml 2>/dev/null || xz -dc "$SITE_REPOSITORY/content.xml.xz") \
	> "$SMOKE_WORK/site-content.xml" || true
smoke_check "the update site offers org.ipcscope.feature" grep -q "<unit id='org.ipcscope.feature.feature.group'" "$SMOKE_WORK/site-content.xml"
smoke_check "the update site has no a.jre.* unit" bash -c "! grep -q \"<unit id='a\.jre\.\" '$SMOKE_WORK/site-content.xml'"

for bundle in org.ipcscope.core org.ipcscope.ui org.ipcscope.linux org.ipcscope.ui.process org.ipcscope.ui.debug; do
	smoke_check "the director installed $bundle into the workbench" grep -q "^$bundle," "$bundles_info"
done
smoke_check "the director left org.ipcscope.win32 out on Linux" bash -c "! grep -q '^org.ipcscope.win32,' '$bundles_info'"

smoke_start_xvfb
smoke_start_shm_helper "$segment" "$size"
smoke_add_probe "$install"
SMOKE_PROBE_LAUNCH=$IPC_HELPER smoke_run_workbench "$install" "${SMOKE_TIMEOUT:-180}" showView

smoke_expect_common org.ipcscope.core org.ipcscope.ui org.ipcscope.linux
smoke_expect_none "org.ipcscope.win32 is not installed on Linux" '^bundle\torg\.ipcscope\.win32\t'
smoke_expect "Show View offers IPC Objects in the category 'IPC Scope'" \
	'^category\torg\.ipcscope\.ui\.category\tIPC Scope\t([^\t]*,)?org\.ipcscope\.ui\.views\.ipcObjects(,[^\t]*)?$'
smoke_expect "the Show View dialog lists IPC Objects under 'IPC Scope'" \
	'^partdescriptor\torg\.ipcscope\.ui\.views\.ipcObjects\tIPC Objects\tIPC Scope\t'
smoke_expect "no activity hides the view" '^viewdescriptor\torg\.ipcscope\.ui\.views\.ipcObjects\tIPC Objects\tIPC Scope\tfiltered=false$'
smoke_expect "the view was closed before the command" '^view\tbefore\tclosed$'
smoke_expect "org.eclipse.ui.views.showView(viewId=org.ipcscope.ui.views.ipcObjects) opened it" \
	'^view\tafter\topen\topened-by=org\.eclipse\.ui\.views\.showView\(org\.eclipse\.ui\.views\.showView\.viewId=org\.ipcscope\.ui\.views\.ipcObjects\)$'
smoke_expect_segment "$segment" "$size" "65,659 (64.1 KiB)"
# beside the debugger: a native helper launched with External Tools' Program launch type, Inspect
# Memory on its process in the Debug view, its region map searched for the helper's marker
smoke_expect "the IDE has the Program launch type" '^launch\ttype\tProgram$'
smoke_expect "the launched helper reports its pid and marker" '^launch\tprocess\t[0-9]+\tmarker-at\t0x[0-9a-f]+$'
smoke_expect "Inspect Memory ran in the Debug view" '^inspect\texecuted\torg\.ipcscope\.ui\.debug\.inspectMemory$'
launched=$(sed -n 's/^launch\tprocess\t\([0-9]*\)\t.*/\1/p' "$SMOKE_REPORT" 2>/dev/null | head -n 1)
smoke_expect "it opened the region map of the launched process" "^inspect\tregion-map\t${launched:-none}\t"
smoke_expect "the Search dialog was enabled for the marker" '^search\tasked\tIPCSCOPE-LAUNCHED-[0-9]+\tenabled=true$'
marker_at=$(sed -n 's/^launch\tprocess\t[0-9]*\tmarker-at\t\(0x[0-9a-f]*\)$/\1/p' "$SMOKE_REPORT" 2>/dev/null | head -n 1)
smoke_check "the search found the marker at the address the helper reported ($marker_at)" \
	bash -c "hit=\$(sed -n 's/^search\thit\t//p' '$SMOKE_REPORT' | head -n 1); [ -n \"\$hit\" ] && [ \$((hit)) -eq \$(($marker_at)) ]"
smoke_end
