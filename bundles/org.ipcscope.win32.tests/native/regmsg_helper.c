/*
 * Test helper for the message sniffer, modelled on a classic Win32 IPC recipe: a sender registers
 * "Mapped", "Handle" and "Shared" with RegisterWindowMessage, finds the receiver with FindWindow and
 * sends them, "Handle" carrying its pid in wParam and a GlobalAlloc'd buffer's address in lParam;
 * the receiver reads the buffer with ReadProcessMemory.
 *
 * regmsg_helper receive CLASS TITLE
 *     creates a hidden top-level window, prints "READY hwnd=0x... pid=N thread=N" and pumps messages
 *     until stdin closes or 10 minutes pass. A 10 ms timer keeps WM_TIMER coming (noise a default
 *     capture leaves out). Each of the three registered messages is recorded: name, sent or posted
 *     (InSendMessageEx), wParam, lParam and, for "Handle", the text read from process wParam at
 *     address lParam. Answers: Mapped 101, Handle the length of the text read (0 if none),
 *     Shared 103. Commands on stdin, one per line:
 *       list  -> one "MSG name sent|posted wParam lParam text" line per message (text "-" if none),
 *                then "OK count=N ticks=T" (T: WM_TIMERs so far)
 *       self  -> posts WM_APP + 1 to the window, whose procedure then sends itself "Mapped" (7, 8) on
 *                its own thread; "OK" once that was handled
 * regmsg_helper send CLASS TITLE TEXT
 *     registers the three, copies TEXT into a GlobalAlloc'd buffer, then for each of
 *     Mapped (0, 0), Handle (pid, buffer), Shared (0, 0) finds the window and sends it, printing
 *     "SENT name id=0x... wParam=N lParam=0x... result=N"; then posts Shared (0x5eed, buffer) and
 *     prints "POSTED name id=0x... wParam=N lParam=0x..."; then "DONE pid=N address=0x..." and
 *     keeps the buffer until stdin closes.
 * exit: 0 done, 1 bad arguments or window not found / not created, 2 timeout.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define TIMEOUT_MS 600000
#define MAX_RECORDS 64
#define TEXT_MAX 1024

struct record {
	const char *name;
	BOOL posted;
	WPARAM wParam;
	LPARAM lParam;
	char text[TEXT_MAX];
};

static const wchar_t *const NAMES[3] = {L"Mapped", L"Handle", L"Shared"};
static const char *const NAMES_A[3] = {"Mapped", "Handle", "Shared"};
static UINT ids[3];
static struct record records[MAX_RECORDS];
static volatile LONG count;
static volatile LONG ticks;
static CRITICAL_SECTION lock;
static HWND window;

static void register_all(void)
{
	for (int i = 0; i < 3; i++) {
		ids[i] = RegisterWindowMessageW(NAMES[i]);
	}
}

/* What the seed's receiver does with "Handle": open the sender and read its buffer. */
static size_t read_sender(DWORD pid, LPARAM address, char *out)
{
	HANDLE process = OpenProcess(PROCESS_VM_READ | PROCESS_QUERY_INFORMATION, FALSE, pid);
	SIZE_T read = 0;
	out[0] = 0;
	if (process == NULL) {
		return 0;
	}
	if (!ReadProcessMemory(process, (LPCVOID)address, out, TEXT_MAX - 1, &read)) {
		read = 0;
	}
	CloseHandle(process);
	out[read < TEXT_MAX ? read : TEXT_MAX - 1] = 0;
	return strlen(out);
}

static LRESULT CALLBACK receiver_proc(HWND hwnd, UINT message, WPARAM wParam, LPARAM lParam)
{
	if (message == WM_APP + 1) {
		SendMessageW(hwnd, ids[0], 7, 8);
		SetEvent((HANDLE)lParam);
		return 0;
	}
	if (message == WM_TIMER) {
		InterlockedIncrement(&ticks);
		return 0;
	}
	for (int i = 0; i < 3; i++) {
		if (message != ids[i] || ids[i] == 0) {
			continue;
		}
		LRESULT result = i == 0 ? 101 : 103;
		EnterCriticalSection(&lock);
		if (count < MAX_RECORDS) {
			struct record *r = &records[count];
			r->name = NAMES_A[i];
			r->posted = (InSendMessageEx(NULL) & (ISMEX_SEND | ISMEX_NOTIFY | ISMEX_CALLBACK)) == 0;
			r->wParam = wParam;
			r->lParam = lParam;
			r->text[0] = 0;
			if (i == 1) {
				result = (LRESULT)read_sender((DWORD)wParam, lParam, r->text);
			}
			count++;
		}
		LeaveCriticalSection(&lock);
		return result;
	}
	return DefWindowProcW(hwnd, message, wParam, lParam);
}

static DWORD WINAPI commands(LPVOID unused)
{
	char line[256];
	(void)unused;
	while (fgets(line, sizeof line, stdin) != NULL) {
		if (strncmp(line, "list", 4) == 0) {
			EnterCriticalSection(&lock);
			for (LONG i = 0; i < count; i++) {
				printf("MSG %s %s %llu 0x%llx %s\n", records[i].name, records[i].posted ? "posted" : "sent",
				        (unsigned long long)records[i].wParam, (unsigned long long)records[i].lParam,
				        records[i].text[0] ? records[i].text : "-");
			}
			printf("OK count=%ld ticks=%ld\n", count, ticks);
			LeaveCriticalSection(&lock);
		} else if (strncmp(line, "self", 4) == 0) {
			HANDLE handled = CreateEventW(NULL, TRUE, FALSE, NULL);
			PostMessageW(window, WM_APP + 1, 0, (LPARAM)handled);
			printf(WaitForSingleObject(handled, 60000) == WAIT_OBJECT_0 ? "OK\n" : "ERROR not handled\n");
			CloseHandle(handled);
		} else {
			printf("ERROR unknown command %s", line);
		}
		fflush(stdout);
	}
	PostMessageW(window, WM_CLOSE, 0, 0);
	return 0;
}

static int receive(const wchar_t *class_name, const wchar_t *title)
{
	WNDCLASSEXW wc;
	MSG msg;
	ULONGLONG start = GetTickCount64();
	ZeroMemory(&wc, sizeof wc);
	wc.cbSize = sizeof wc;
	InitializeCriticalSection(&lock);
	register_all();
	wc.lpfnWndProc = receiver_proc;
	wc.hInstance = GetModuleHandleW(NULL);
	wc.lpszClassName = class_name;
	if (!RegisterClassExW(&wc)) {
		printf("ERROR RegisterClassEx %lu\n", GetLastError());
		return 1;
	}
	window = CreateWindowExW(0, class_name, title, WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, wc.hInstance, NULL);
	if (window == NULL) {
		printf("ERROR CreateWindowEx %lu\n", GetLastError());
		return 1;
	}
	SetTimer(window, 1, 10, NULL);
	printf("READY hwnd=0x%llx pid=%lu thread=%lu\n", (unsigned long long)(ULONG_PTR)window, GetCurrentProcessId(),
	        GetCurrentThreadId());
	fflush(stdout);
	CreateThread(NULL, 0, commands, NULL, 0, NULL);
	while (GetMessageW(&msg, NULL, 0, 0) > 0) {
		if (GetTickCount64() - start > TIMEOUT_MS) {
			return 2;
		}
		if (msg.message == WM_CLOSE && msg.hwnd == window) {
			DestroyWindow(window);
			return 0;
		}
		DispatchMessageW(&msg);
	}
	return 0;
}

static int send_all(const wchar_t *class_name, const wchar_t *title, const wchar_t *text)
{
	char line[16];
	register_all();
	/* GMEM_FIXED: the HGLOBAL is the buffer's address, as the recipe hands it over */
	char *buffer = GlobalAlloc(GMEM_FIXED | GMEM_ZEROINIT, TEXT_MAX);
	if (buffer == NULL) {
		printf("ERROR GlobalAlloc %lu\n", GetLastError());
		return 1;
	}
	WideCharToMultiByte(CP_UTF8, 0, text, -1, buffer, TEXT_MAX - 1, NULL, NULL);
	DWORD pid = GetCurrentProcessId();
	WPARAM wParams[3] = {0, (WPARAM)pid, 0};
	LPARAM lParams[3] = {0, (LPARAM)buffer, 0};
	for (int i = 0; i < 3; i++) {
		HWND target = FindWindowW(class_name, title);
		DWORD_PTR result = 0;
		if (target == NULL) {
			printf("ERROR window not found\n");
			return 1;
		}
		if (!SendMessageTimeoutW(target, ids[i], wParams[i], lParams[i], SMTO_NORMAL, 60000, &result)) {
			printf("ERROR SendMessageTimeout %lu\n", GetLastError());
			return 1;
		}
		printf("SENT %s id=0x%x wParam=%llu lParam=0x%llx result=%llu\n", NAMES_A[i], ids[i],
		        (unsigned long long)wParams[i], (unsigned long long)lParams[i], (unsigned long long)result);
	}
	HWND target = FindWindowW(class_name, title);
	if (target == NULL || !PostMessageW(target, ids[2], 0x5eed, (LPARAM)buffer)) {
		printf("ERROR PostMessage %lu\n", GetLastError());
		return 1;
	}
	printf("POSTED %s id=0x%x wParam=%u lParam=0x%llx\n", NAMES_A[2], ids[2], 0x5eedu,
	        (unsigned long long)(ULONG_PTR)buffer);
	printf("DONE pid=%lu address=0x%llx\n", pid, (unsigned long long)(ULONG_PTR)buffer);
	fflush(stdout);
	while (fgets(line, sizeof line, stdin) != NULL) {
	}
	GlobalFree(buffer);
	return 0;
}

int wmain(int argc, wchar_t **argv)
{
	int code;
	if (argc == 4 && wcscmp(argv[1], L"receive") == 0) {
		code = receive(argv[2], argv[3]);
	} else if (argc == 5 && wcscmp(argv[1], L"send") == 0) {
		code = send_all(argv[2], argv[3], argv[4]);
	} else {
		printf("ERROR usage: see the comment at the top of regmsg_helper.c\n");
		code = 1;
	}
	fflush(stdout);
	return code;
}
