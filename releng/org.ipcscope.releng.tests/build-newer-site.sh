#!/bin/bash
# Builds the update site again with a higher qualifier than the last build's and copies it out: what
# a new release of IPC Scope looks like to an installed product's Check for Updates (update-test.sh).
# The modules' target/ folders then hold the newer build.
#
# usage: build-newer-site.sh REPOSITORY OUT_DIR
#
#   REPOSITORY  the checkout (its ./mvnw builds the site's bundles, features and the site offline)
#   OUT_DIR     where the newer p2 repository goes (replaced)
#
# Exits 0 when the site was built, else Maven's exit code; 64 on bad usage.
set -euo pipefail
if [ $# -ne 2 ]; then
	sed -n '2,10p' "$0" >&2
	exit 64
fi
repository=$(realpath "$1")
out=$(realpath -m "$2")
# qualifiers compare as strings: the build's yyyyMMddHHmm followed by anything is higher than it
qualifier="$(date -u +%Y%m%d%H%M)-next"
modules=bundles/org.ipcscope.core,bundles/org.ipcscope.linux,bundles/org.ipcscope.win32,bundles/org.ipcscope.ui
modules+=,bundles/org.ipcscope.ui.hex,bundles/org.ipcscope.ui.sniff,bundles/org.ipcscope.ui.traffic,bundles/org.ipcscope.ui.process,bundles/org.ipcscope.ui.clipboard
modules+=,bundles/org.ipcscope.ui.debug,bundles/org.ipcscope.app,bundles/org.ipcscope.cli
modules+=,features/org.ipcscope.feature,features/org.ipcscope.standalone,releng/org.ipcscope.site
(cd "$repository" && ./mvnw -B -o -q package -DskipTests -DforceContextQualifier="$qualifier" -pl "$modules")
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -r "$repository/releng/org.ipcscope.site/target/repository" "$out"
echo "build-newer-site: $out has qualifier $qualifier"
