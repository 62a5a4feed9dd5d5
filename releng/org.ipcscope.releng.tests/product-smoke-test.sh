#!/bin/bash
# Linux product smoke test: the product archive, unpacked and started as its users start it, opens its
# perspective with the IPC Objects view, which lists a POSIX shm segment a helper holds, with its size.
#
# usage: JAVA=/path/to/jdk/bin/java PROBE_JAR=/path/to/org.ipcscope.tests.probe.jar \
#        IPC_HELPER=bundles/org.ipcscope.tests.support/target/native/ipc_helper \
#        product-smoke-test.sh PRODUCT_ARCHIVE WORK_DIR SCREENSHOT_DIR
#
#   PRODUCT_ARCHIVE  ipcscope-linux.gtk.x86_64.tar.gz
#   WORK_DIR         the unpacked product, report, logs, workspace and home of the run (emptied first)
#   SCREENSHOT_DIR   where product-smoke-test.png goes
#
# SMOKE_TIMEOUT (seconds, default 180): the workbench is killed when it runs longer.
# Exits 0 when every check passed, 1 when one failed, 64 on bad usage.
set -euo pipefail

SMOKE_DIR=$(dirname "$(realpath "$0")")
# shellcheck source=smoke-lib.sh
. "$SMOKE_DIR/smoke-lib.sh"

smoke_begin product-smoke-test "$0" "$@"
archive=$(realpath "$1")

segment="ipcscope-product-test-$$"
size=65659

mkdir -p "$SMOKE_WORK/product"
tar -xzf "$archive" -C "$SMOKE_WORK/product"
install="$SMOKE_WORK/product/ipcscope"
smoke_check "the archive holds the product in ipcscope/" test -d "$install/plugins"
smoke_check "the product holds the process views" bash -c "ls '$install/plugins' | grep -q '^org.ipcscope.ui.process_'"
smoke_check "the product holds no debugger (org.ipcscope.ui.debug, org.eclipse.debug.*)" \
	bash -c "! ls '$install/plugins' | grep -q -e '^org.ipcscope.ui.debug' -e '^org.eclipse.debug'"

smoke_start_xvfb
smoke_start_shm_helper "$segment" "$size"
smoke_add_probe "$install"
SMOKE_PROBE_MENUS=true SMOKE_NO_DATA=true smoke_run_workbench "$install" "${SMOKE_TIMEOUT:-180}" perspective

smoke_expect_common org.ipcscope.core org.ipcscope.ui org.ipcscope.linux org.ipcscope.app org.ipcscope.cli
smoke_expect "the window is the IPC Scope product's" '^window\tIPC Scope\tperspective=org\.ipcscope\.app\.perspective$'
smoke_expect "the product's perspective opened the view" '^view\tat-start\topen\tperspective=org\.ipcscope\.app\.perspective$'
smoke_expect_segment "$segment" "$size" "65,659 (64.1 KiB)"
smoke_expect_menus
# started without -data: the workspace is in the user's XDG data directory, not in the product's folder
smoke_check "the workspace is in \$XDG_DATA_HOME (~/.local/share/ipcscope/workspace)" \
	test -d "$SMOKE_WORK/home/.local/share/ipcscope/workspace/.metadata"
smoke_check "no workspace in the product's folder" test ! -e "$install/workspace"
smoke_end
