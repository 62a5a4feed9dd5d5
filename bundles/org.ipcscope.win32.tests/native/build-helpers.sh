#!/bin/sh
# Builds every native/*.c test helper into a Windows x64 executable in OUTDIR.
# usage: build-helpers.sh OUTDIR     (needs x86_64-w64-mingw32-gcc, Debian gcc-mingw-w64-x86-64)
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
out=$1
here=$(cd "$(dirname "$0")" && pwd)
cc=${MINGW_CC:-x86_64-w64-mingw32-gcc}

mkdir -p "$out"
found=0
for source in "$here"/*.c; do
	[ -e "$source" ] || continue
	found=1
	name=$(basename "$source" .c)
	# -municode: the helpers take names as wmain arguments; -static: no mingw DLLs to ship;
	# ws2_32 and ntdll for win_ipc_helper (the others do not pull them in).
	"$cc" -O2 -Wall -Wextra -municode -static -D__USE_MINGW_ANSI_STDIO=1 -o "$out/$name.exe" "$source" -lws2_32 -lntdll
done
if [ "$found" -eq 0 ]; then
	echo "no native/*.c helpers in $here" >&2
	exit 1
fi

# DLLs the helpers load (native/dll/*.c, one DLL each): kept apart so the loop above does not
# link them as programs.
for source in "$here"/dll/*.c; do
	[ -e "$source" ] || continue
	"$cc" -O2 -Wall -Wextra -Werror -shared -o "$out/$(basename "$source" .c).dll" "$source"
done
