/*
 * Test helper: creates named page-file-backed mappings, maps each, prints READY and keeps
 * them alive until its stdin closes (the test is done, or died) or a timeout passes, so that
 * a broken test never leaves it running.
 *
 * usage: win_shm_helper NAME SIZE [NAME SIZE]...   e.g. Local\ipcscope-1 100000
 * exit:  0 stdin closed, 1 bad arguments or creation failed, 2 timeout
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#define TIMEOUT_MS 60000
#define MAX_MAPPINGS 16

static DWORD WINAPI wait_for_stdin_close(LPVOID unused)
{
	char buffer[256];
	DWORD read;
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	(void)unused;
	/* ReadFile fails or reads 0 bytes once the writing end is closed. */
	while (ReadFile(in, buffer, sizeof buffer, &read, NULL) && read > 0) {
	}
	return 0;
}

static int create_mapping(const wchar_t *name, const wchar_t *size_text)
{
	wchar_t *end;
	unsigned long long size = wcstoull(size_text, &end, 10);
	HANDLE mapping;
	unsigned char *view;

	if (*end != 0 || size == 0) {
		printf("ERROR bad size %ls\n", size_text);
		return 0;
	}
	mapping = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, (DWORD)(size >> 32), (DWORD)size, name);
	if (mapping == NULL) {
		printf("ERROR CreateFileMapping %ls failed: %lu\n", name, GetLastError());
		return 0;
	}
	view = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, 0);
	if (view == NULL) {
		printf("ERROR MapViewOfFile %ls failed: %lu\n", name, GetLastError());
		return 0;
	}
	/* Touch both ends so that the whole requested size is really usable. */
	view[0] = 1;
	view[size - 1] = 1;
	/* The handle and view are deliberately kept until exit: they keep the section alive. */
	return 1;
}

int wmain(int argc, wchar_t **argv)
{
	HANDLE waiter;
	DWORD waited;
	int i;

	if (argc < 3 || (argc - 1) % 2 != 0 || (argc - 1) / 2 > MAX_MAPPINGS) {
		printf("ERROR usage: win_shm_helper NAME SIZE [NAME SIZE]...\n");
		return 1;
	}
	for (i = 1; i < argc; i += 2) {
		if (!create_mapping(argv[i], argv[i + 1])) {
			fflush(stdout);
			return 1;
		}
	}
	printf("READY\n");
	fflush(stdout);

	waiter = CreateThread(NULL, 0, wait_for_stdin_close, NULL, 0, NULL);
	if (waiter == NULL) {
		Sleep(TIMEOUT_MS);
		return 2;
	}
	waited = WaitForSingleObject(waiter, TIMEOUT_MS);
	return waited == WAIT_OBJECT_0 ? 0 : 2;
}
