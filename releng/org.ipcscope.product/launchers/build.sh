#!/usr/bin/env bash
# Builds the Windows launchers, IPC Scope.exe (GUI) and ipcscope-cli.exe (console), into OUT with mingw
# and windres, their icon made from ICON_PNG, their version resources from the build's version.
# usage: build.sh OUT VERSION QUALIFIER ICON_PNG JDK
#   VERSION    major.minor.micro (the build's unqualified version), QUALIFIER its build qualifier
#   JDK        a JDK whose include/jni.h declares the invocation API (any platform's: the Windows
#              types come from include/jni_md.h here)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1 version=$2 qualifier=$3 icon=$4 jdk=$5
mkdir -p "$out"

# ICON_PNG as a Windows icon: one entry holding the PNG itself (Windows Vista and later read it)
le() { # the number $1 as $2 little-endian bytes
	local i
	for ((i = 0; i < $2; i++)); do printf "\\x$(printf %02x $((($1 >> (8 * i)) & 255)))"; done
}
read -r width height < <(od -An -t u1 -j 16 -N 8 "$icon" |
	awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
{
	le 0 2 && le 1 2 && le 1 2
	le $((width & 255)) 1 && le $((height & 255)) 1 && le 0 1 && le 0 1 && le 1 2 && le 32 2
	le "$(stat -c %s "$icon")" 4 && le 22 4
	cat "$icon"
} >"$out/ipcscope.ico"

IFS=. read -r major minor micro <<<"$version"
# shellcheck disable=SC2054 # the commas belong to -Wl, options
cc=(x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -I"$here/include" -I"$jdk/include"
	-s -Wl,--no-insert-timestamp -static-libgcc)
# resource NAME DESCRIPTION: the resources of NAME.exe
resource() {
	cat >"$out/$1.rc" <<RC
#define VERSION $major,$minor,$micro,0
#define VERSION_TEXT "$version.$qualifier"
#define FILE_DESCRIPTION "$2"
#define FILE_NAME "$1.exe"
#include "ipcscope.rc"
RC
	x86_64-w64-mingw32-windres -I"$here" -I"$out" "$out/$1.rc" -O coff -o "$out/$1.res"
}
resource ipcscope-cli "IPC Scope command line"
"${cc[@]}" -mconsole -o "$out/ipcscope-cli.exe" "$here/ipcscope-cli.c" "$here/launcher.c" "$here/served_client.c" \
	"$out/ipcscope-cli.res" -lshell32 -ladvapi32
resource "IPC Scope" "IPC Scope"
"${cc[@]}" -mwindows -municode -o "$out/IPC Scope.exe" "$here/ipcscope-gui.c" "$here/launcher.c" "$out/IPC Scope.res" \
	-lshell32
