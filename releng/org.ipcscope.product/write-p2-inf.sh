#!/bin/bash
# Writes ipcscope.p2.inf beside ipcscope.product: installing the product adds the update site
# URL as its metadata and artifact repository, so Help > Check for Updates asks it.
# usage: write-p2-inf.sh URL OUT
set -euo pipefail
url=$1
out=$2
case "$url" in
*[[:space:]\;\,\)]*) echo "write-p2-inf.sh: the update site URL must not hold blanks, ';', ',' or ')': $url" >&2; exit 64 ;;
esac
# p2 touchpoint arguments are name:value pairs: a ':' inside a value is written ${#58}
escaped=${url//:/\$\{#58\}}
{
	echo "# written by write-p2-inf.sh from -Dipcscope.update.url; do not edit"
	echo "instructions.configure=\\"
	echo "  org.eclipse.equinox.p2.touchpoint.eclipse.addRepository(type:0,location:$escaped,enabled:true);\\"
	echo "  org.eclipse.equinox.p2.touchpoint.eclipse.addRepository(type:1,location:$escaped,enabled:true);"
} >"$out"
