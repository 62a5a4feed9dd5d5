#!/usr/bin/env bash
# Compiles every native test helper here into $1 (Linux, gcc).
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
for src in "$here"/*.c; do
	gcc -O2 -Wall -Wextra -Werror -o "$out/$(basename "$src" .c)" "$src" -lrt
done
# X11 clients (libx11-dev): kept apart so the helpers above need no X library
for src in "$here"/x11/*.c; do
	gcc -O2 -Wall -Wextra -Werror -o "$out/$(basename "$src" .c)" "$src" -lX11
done
