#!/usr/bin/env bash
# Builds ipcscope_win32.dll (native/*.c, no C runtime) into $1/win32-x86-64/, where JNA finds it
# on the bundle's class path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$1/win32-x86-64"
mkdir -p "$out"
x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -nostdlib -ffreestanding -fno-stack-protector \
	-Wl,--entry,DllMainCRTStartup -Wl,--no-insert-timestamp -o "$out/ipcscope_win32.dll" "$here"/*.c
# ipcscope_copydata.dll (native/copydata/*.c): loaded into a target process by the in-process
# WM_COPYDATA capture, so it is its own small DLL.
x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -nostdlib -ffreestanding -fno-stack-protector \
	-Wl,--entry,DllMainCRTStartup -Wl,--no-insert-timestamp -o "$out/ipcscope_copydata.dll" "$here"/copydata/*.c \
	-lmsvcrt -lkernel32 -luser32
# ipcscope_capture.dll (native/capture/*.c): loaded into a target process by the traffic capture.
x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -nostdlib -ffreestanding -fno-stack-protector \
	-Wl,--entry,DllMainCRTStartup -Wl,--no-insert-timestamp -o "$out/ipcscope_capture.dll" "$here"/capture/*.c \
	-lmsvcrt -lkernel32 -lws2_32 -lntdll
