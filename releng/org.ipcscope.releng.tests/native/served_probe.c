/*
 * Drives the served client of ipcscope-cli.exe (releng/org.ipcscope.product/launchers/served_client.c)
 * one call at a time, for served-win32-test.sh:
 *
 *   served_probe.exe name KEY                         prints the pipe for KEY
 *   served_probe.exe call PIPE ARGS...                exits with the served exit code, 222 if not served
 *   served_probe.exe start JAVA VM_OPTIONS CLASSPATH PIPE   starts a server, exits 0 if it was created
 */
#include "served_client.h"

#include <stdio.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
	if (argc == 3 && wcscmp(argv[1], L"name") == 0) {
		wchar_t pipe[SERVED_PIPE_MAX];
		if (served_pipe_name(pipe, argv[2]))
			return 1;
		wprintf(L"%ls\n", pipe);
		return 0;
	}
	if (argc >= 4 && wcscmp(argv[1], L"call") == 0) {
		/* served_call skips its argv[0]: the pipe stands there */
		int code = served_call(argv[2], argc - 2, argv + 2);
		return code == SERVED_FALLBACK ? 222 : code;
	}
	if (argc == 6 && wcscmp(argv[1], L"start") == 0)
		return served_start(argv[2], argv[3], argv[4], argv[5]) ? 1 : 0;
	fwprintf(stderr, L"usage: served_probe.exe name KEY | call PIPE ARGS... | start JAVA VM_OPTIONS CLASSPATH PIPE\n");
	return 2;
}
