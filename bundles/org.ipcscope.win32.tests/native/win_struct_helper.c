/*
 * win_struct_helper: a Windows process that writes a struct live_state (the header the Linux
 * helper uses, laid out by mingw as MSVC x64 does) into a named page-file-backed section, one step
 * at a time, so that the struct overlay tests can compare what they decode with what was written.
 * Prints "READY pid=N address=0x..." (where the section is mapped in this process), then answers
 * one command a line on stdin:
 *
 *   step   writes the next step (counter, text, value, phase, level)
 *          -> OK counter=N text=step-N value=V phase=NAME level=L
 *
 * Exits when stdin closes, or after TIMEOUT seconds (default 300).
 *
 * usage: win_struct_helper NAME [TIMEOUT]    e.g. Local\ipcscope-struct-1
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "../../org.ipcscope.tests.support/native/live_state.h"

static DWORD WINAPI watchdog(LPVOID seconds)
{
	Sleep((DWORD)(ULONG_PTR)seconds * 1000);
	ExitProcess(124);
	return 0;
}

static const char *const PHASES[] = {"PHASE_IDLE", "PHASE_RUNNING", "PHASE_DONE"};

int wmain(int argc, wchar_t **argv)
{
	if (argc < 2) {
		printf("ERROR usage: win_struct_helper NAME [TIMEOUT]\n");
		return 1;
	}
	unsigned long timeout = argc > 2 ? wcstoul(argv[2], NULL, 10) : 300;
	CreateThread(NULL, 0, watchdog, (LPVOID)(ULONG_PTR)timeout, 0, NULL);
	HANDLE mapping =
	        CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, sizeof(struct live_state), argv[1]);
	if (mapping == NULL) {
		printf("ERROR CreateFileMapping %ls failed: %lu\n", argv[1], GetLastError());
		return 1;
	}
	volatile struct live_state *live = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, 0);
	if (live == NULL) {
		printf("ERROR MapViewOfFile %ls failed: %lu\n", argv[1], GetLastError());
		return 1;
	}
	printf("READY pid=%lu address=0x%llx\n", GetCurrentProcessId(), (unsigned long long)(ULONG_PTR)live);
	fflush(stdout);

	char line[256];
	unsigned n = 0;
	while (fgets(line, sizeof line, stdin) != NULL) {
		line[strcspn(line, "\r\n")] = 0;
		if (strcmp(line, "step") != 0) {
			printf("ERROR unknown command %s\n", line);
			fflush(stdout);
			continue;
		}
		n++;
		live->counter = n;
		snprintf((char *)live->text, sizeof live->text, "step-%u", n);
		live->value = n * 1.25;
		live->phase = (enum live_phase)(n / 3 % 3);
		live->level = n & 31;
		printf("OK counter=%u text=step-%u value=%.17g phase=%s level=%u\n", n, n, live->value, PHASES[live->phase],
		        (unsigned)live->level);
		fflush(stdout);
	}
	return 0;
}
