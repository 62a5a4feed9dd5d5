#!/usr/bin/env bash
# Checks every shell script of the repository with shellcheck (warnings and errors; notes are
# advice). Run by ./run-tests before the build; exits non-zero and names the lines when one fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mapfile -t scripts < <(find . -path ./.git -prune -o -path '*/target' -prune -o -type f \
	\( -name '*.sh' -o -name '*.bash' -o -path ./ipcscope -o -path ./run-tests -o -path ./.ci/run \
	-o -path ./releng/org.ipcscope.product/launchers/ipcscope \) -print | sort)
shellcheck -x --severity=warning "${scripts[@]}"
echo "shellcheck: ${#scripts[@]} scripts clean"
