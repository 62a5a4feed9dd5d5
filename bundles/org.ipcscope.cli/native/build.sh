#!/usr/bin/env bash
# Compiles the command line's client of its resident server (ipcscope-client.c) into
# $1/native/ARCH (ARCH as Java's os.arch names it), packed into the bundle beside the classes.
# Linux, gcc; the pom runs it only when building on Linux.
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
case "$(uname -m)" in
x86_64) arch=amd64 ;;
i?86) arch=x86 ;;
*) arch=$(uname -m) ;;
esac
mkdir -p "$out/native/$arch"
gcc -O2 -Wall -Wextra -Werror -o "$out/native/$arch/ipcscope-client" "$here/ipcscope-client.c"
