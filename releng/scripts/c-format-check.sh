#!/usr/bin/env bash
# Checks that every C file of the repository follows .clang-format (run by ./run-tests before
# the build). To format them: clang-format -i FILE...
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mapfile -t sources < <(find . -path ./.git -prune -o -path '*/target' -prune -o -type f \( -name '*.c' -o -name '*.h' \) -print | sort)
clang-format --dry-run --Werror "${sources[@]}"
echo "clang-format: ${#sources[@]} C files follow .clang-format"
