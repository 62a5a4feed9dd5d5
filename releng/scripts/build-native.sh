#!/usr/bin/env bash
# Compiles C programs into OUT/native/ARCH (ARCH as Java's os.arch names it), so that a bundle's
# build packs them beside its classes. Linux, gcc. No binaries are kept in git.
# usage: build-native.sh OUT SOURCE.c...
set -euo pipefail
out=$1
shift
case "$(uname -m)" in
x86_64) arch=amd64 ;;
i?86) arch=x86 ;;
*) arch=$(uname -m) ;;
esac
mkdir -p "$out/native/$arch"
for src in "$@"; do
	gcc -O2 -Wall -Wextra -Werror -pthread -o "$out/native/$arch/$(basename "$src" .c)" "$src"
done
