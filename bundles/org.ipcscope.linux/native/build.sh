#!/usr/bin/env bash
# Compiles the helper programs here into $1/native/ARCH (ARCH as Java's os.arch names it), so that
# they are packed into the bundle beside the classes. Linux, gcc.
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
case "$(uname -m)" in
x86_64) arch=amd64 ;;
i?86) arch=x86 ;;
*) arch=$(uname -m) ;;
esac
mkdir -p "$out/native/$arch"
for src in "$here"/*.c; do
	gcc -O2 -Wall -Wextra -Werror -pthread -o "$out/native/$arch/$(basename "$src" .c)" "$src"
done
