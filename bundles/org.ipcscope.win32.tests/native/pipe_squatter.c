/*
 * Squats on a named pipe's name, for the resident server's trust tests: creates PIPE first, owned
 * by OWNER (a string SID, or "self"), open to everyone, and answers every client with a complete,
 * well-formed server reply ("squatted" on stdout, exit code 0), so a client that trusted it would
 * print that. Waits (60 s at most) until no pipe of that name is left: Wine ignores
 * FILE_FLAG_FIRST_PIPE_INSTANCE, so a squatter started while a stopping server still holds the
 * name would only add an instance to that server's pipe, owned by the server's user. Prints READY
 * once the pipe exists; exits when its stdin closes or after 300 s.
 *
 * usage: pipe_squatter.exe \\.\pipe\NAME OWNER_SID|self
 */
#include <windows.h>
#include <sddl.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static DWORD WINAPI watch_stdin(LPVOID unused)
{
	(void)unused;
	char buffer[64];
	DWORD n;
	while (ReadFile(GetStdHandle(STD_INPUT_HANDLE), buffer, sizeof buffer, &n, NULL) && n > 0) {
	}
	ExitProcess(0);
	return 0;
}

static DWORD WINAPI deadline(LPVOID unused)
{
	(void)unused;
	Sleep(300000);
	ExitProcess(3);
	return 0;
}

int wmain(int argc, wchar_t **argv)
{
	if (argc != 3) {
		fwprintf(stderr, L"usage: pipe_squatter.exe \\\\.\\pipe\\NAME OWNER_SID|self\n");
		return 2;
	}
	wchar_t sddl[512];
	if (wcscmp(argv[2], L"self") == 0) {
		wcscpy(sddl, L"D:P(A;;GA;;;WD)");
	} else {
		_snwprintf(sddl, 512, L"O:%lsD:P(A;;GA;;;WD)", argv[2]);
	}
	DWORD free_by = GetTickCount() + 60000;
	while (WaitNamedPipeW(argv[1], 1) || GetLastError() != ERROR_FILE_NOT_FOUND) {
		if ((LONG)(GetTickCount() - free_by) > 0) {
			printf("FAILED the name stays taken (%lu)\n", GetLastError());
			return 1;
		}
		Sleep(100);
	}
	SECURITY_ATTRIBUTES attributes = {sizeof attributes, NULL, FALSE};
	if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(
	            sddl, SDDL_REVISION_1, &attributes.lpSecurityDescriptor, NULL)) {
		printf("FAILED sddl %lu\n", GetLastError());
		return 1;
	}
	HANDLE pipe = CreateNamedPipeW(argv[1], PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE,
	        PIPE_TYPE_BYTE | PIPE_WAIT, PIPE_UNLIMITED_INSTANCES, 65536, 65536, 0, &attributes);
	if (pipe == INVALID_HANDLE_VALUE) {
		printf("FAILED CreateNamedPipe %lu\n", GetLastError());
		return 1;
	}
	CreateThread(NULL, 0, watch_stdin, NULL, 0, NULL);
	CreateThread(NULL, 0, deadline, NULL, 0, NULL);
	printf("READY pid=%lu\n", GetCurrentProcessId());
	fflush(stdout);
	static const char reply[] = "IPCS\0\0\0\0\0\0\0\0\x09squatted\n\0\0\0\0";
	for (;;) {
		if (!ConnectNamedPipe(pipe, NULL) && GetLastError() != ERROR_PIPE_CONNECTED)
			return 1;
		char request[4096];
		DWORD n;
		ReadFile(pipe, request, sizeof request, &n, NULL);
		WriteFile(pipe, reply, sizeof reply - 1, &n, NULL);
		printf("ANSWERED\n");
		fflush(stdout);
		FlushFileBuffers(pipe);
		DisconnectNamedPipe(pipe);
	}
}
