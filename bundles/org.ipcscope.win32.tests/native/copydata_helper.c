/*
 * Test helper for the WM_COPYDATA sniffer: a receiver window and a sender.
 *
 * copydata_helper receive CLASS TITLE message-only|top-level|visible
 *     creates the window, prints "READY hwnd=0x... pid=N thread=N" and pumps messages until stdin
 *     closes or 10 minutes pass. Each WM_COPYDATA is recorded (dwData, cbData, FNV-1a of the
 *     bytes) and answered with cbData + dwData. Commands on stdin, one per line:
 *       count  -> "OK count=N"
 *       list   -> one "MSG dwData cbData fnv" line per message received, then "OK count=N"
 *       clear  -> "OK"
 *       title  -> "OK visible=0|1 title=..." as the window itself sees it
 * copydata_helper send CLASS TITLE|- message-only|top-level DWDATA:SIZE...
 *     finds the window (by class, and title unless -) before each message, sends WM_COPYDATA
 *     with dwData DWDATA and SIZE bytes of pattern(k) = (k * 131 + dwData * 7 + (k >> 8)) & 0xff,
 *     prints "RESULT dwData cbData result fnv" for each, then "DONE n=N".
 *     A spec DWDATA=TEXT sends TEXT in UTF-8 (no terminating NUL) instead of the pattern.
 *     wParam is a message-only window of the sender, so that receivers can resolve its pid.
 * copydata_helper user CLASS TITLE|- message-only|top-level VALUE
 *     sends WM_USER + 1 with wParam VALUE (receivers answer 2 * VALUE), prints "USER result".
 * copydata_helper flood CLASS TITLE|- message-only|top-level N SIZE
 *     sends N messages with dwData 1..N and SIZE bytes each, prints "DONE n=N failed=F sum=S"
 *     (S: the sum of the results).
 * copydata_helper bench CLASS TITLE|- message-only|top-level N SIZE
 *     finds the window once, sends N messages of SIZE bytes, prints
 *     "BENCH n=N median_us=X p95_us=Y mean_us=Z per_second=R".
 * exit: 0 done, 1 bad arguments or window not found / not created, 2 timeout.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define TIMEOUT_MS 600000
#define MAX_RECORDS 200000

struct record {
	ULONG_PTR dwData;
	DWORD cbData;
	unsigned long long fnv;
};

static struct record *records;
static volatile LONG count;
static CRITICAL_SECTION lock;
static HWND window;

static unsigned long long fnv1a(const unsigned char *bytes, DWORD size)
{
	unsigned long long hash = 0xcbf29ce484222325ULL;
	for (DWORD i = 0; i < size; i++) {
		hash = (hash ^ bytes[i]) * 0x100000001b3ULL;
	}
	return hash;
}

static LRESULT CALLBACK receiver_proc(HWND hwnd, UINT message, WPARAM wParam, LPARAM lParam)
{
	if (message == WM_COPYDATA) {
		const COPYDATASTRUCT *data = (const COPYDATASTRUCT *)lParam;
		EnterCriticalSection(&lock);
		if (count < MAX_RECORDS) {
			records[count].dwData = data->dwData;
			records[count].cbData = data->cbData;
			records[count].fnv = fnv1a(data->lpData, data->lpData == NULL ? 0 : data->cbData);
			count++;
		}
		LeaveCriticalSection(&lock);
		return (LRESULT)(data->cbData + data->dwData);
	}
	if (message == WM_USER + 1) {
		return (LRESULT)(wParam * 2);
	}
	return DefWindowProcW(hwnd, message, wParam, lParam);
}

static DWORD WINAPI commands(LPVOID unused)
{
	char line[256];
	(void)unused;
	while (fgets(line, sizeof line, stdin) != NULL) {
		if (strncmp(line, "count", 5) == 0) {
			printf("OK count=%ld\n", count);
		} else if (strncmp(line, "list", 4) == 0) {
			EnterCriticalSection(&lock);
			for (LONG i = 0; i < count; i++) {
				printf("MSG %llu %lu %016llx\n", (unsigned long long)records[i].dwData, records[i].cbData,
				        records[i].fnv);
			}
			printf("OK count=%ld\n", count);
			LeaveCriticalSection(&lock);
		} else if (strncmp(line, "clear", 5) == 0) {
			EnterCriticalSection(&lock);
			count = 0;
			LeaveCriticalSection(&lock);
			printf("OK\n");
		} else if (strncmp(line, "title", 5) == 0) {
			wchar_t title[512];
			GetWindowTextW(window, title, 512);
			printf("OK visible=%d title=%ls\n", IsWindowVisible(window) ? 1 : 0, title);
		} else {
			printf("ERROR unknown command %s", line);
		}
		fflush(stdout);
	}
	PostMessageW(window, WM_CLOSE, 0, 0);
	return 0;
}

static HWND parent_of(const wchar_t *kind)
{
	return wcscmp(kind, L"message-only") == 0 ? HWND_MESSAGE : NULL;
}

static int receive(const wchar_t *class_name, const wchar_t *title, const wchar_t *kind)
{
	WNDCLASSEXW wc;
	ZeroMemory(&wc, sizeof wc);
	wc.cbSize = sizeof wc;
	MSG msg;
	DWORD visible = wcscmp(kind, L"visible") == 0 ? WS_VISIBLE : 0;
	records = calloc(MAX_RECORDS, sizeof *records);
	InitializeCriticalSection(&lock);
	wc.lpfnWndProc = receiver_proc;
	wc.hInstance = GetModuleHandleW(NULL);
	wc.lpszClassName = class_name;
	if (!RegisterClassExW(&wc)) {
		printf("ERROR RegisterClassEx %lu\n", GetLastError());
		return 1;
	}
	window = CreateWindowExW(0, class_name, title, WS_OVERLAPPEDWINDOW | visible, 0, 0, 200, 100, parent_of(kind), NULL,
	        wc.hInstance, NULL);
	if (window == NULL) {
		printf("ERROR CreateWindowEx %lu\n", GetLastError());
		return 1;
	}
	printf("READY hwnd=0x%llx pid=%lu thread=%lu\n", (unsigned long long)(ULONG_PTR)window, GetCurrentProcessId(),
	        GetCurrentThreadId());
	fflush(stdout);
	CreateThread(NULL, 0, commands, NULL, 0, NULL);
	SetTimer(window, 1, TIMEOUT_MS, NULL);
	while (GetMessageW(&msg, NULL, 0, 0) > 0) {
		if (msg.message == WM_TIMER && msg.hwnd == window) {
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

static HWND find(const wchar_t *class_name, const wchar_t *title, const wchar_t *kind)
{
	const wchar_t *wanted = wcscmp(title, L"-") == 0 ? NULL : title;
	if (parent_of(kind) == HWND_MESSAGE) {
		return FindWindowExW(HWND_MESSAGE, NULL, class_name, wanted);
	}
	return FindWindowW(class_name, wanted);
}

static unsigned char *pattern(ULONG_PTR dwData, DWORD size)
{
	unsigned char *bytes = malloc(size == 0 ? 1 : size);
	for (DWORD k = 0; k < size; k++) {
		bytes[k] = (unsigned char)(k * 131u + dwData * 7u + (k >> 8));
	}
	return bytes;
}

static HWND own_window(void)
{
	return CreateWindowExW(0, L"STATIC", L"copydata_helper sender", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);
}

static LRESULT send_one(HWND target, HWND self, ULONG_PTR dwData, unsigned char *bytes, DWORD size, BOOL *ok)
{
	COPYDATASTRUCT data = {dwData, size, size == 0 ? NULL : bytes};
	DWORD_PTR result = 0;
	*ok = SendMessageTimeoutW(target, WM_COPYDATA, (WPARAM)self, (LPARAM)&data, SMTO_NORMAL, 60000, &result) != 0;
	return (LRESULT)result;
}

static int send_all(const wchar_t *class_name, const wchar_t *title, const wchar_t *kind, int argc, wchar_t **specs)
{
	HWND self = own_window();
	for (int i = 0; i < argc; i++) {
		wchar_t *rest;
		ULONG_PTR dwData = (ULONG_PTR)wcstoull(specs[i], &rest, 0);
		DWORD size;
		unsigned char *bytes;
		HWND target = find(class_name, title, kind);
		if (target == NULL) {
			printf("ERROR window not found\n");
			return 1;
		}
		if (*rest == L'=') {
			int length = WideCharToMultiByte(CP_UTF8, 0, rest + 1, -1, NULL, 0, NULL, NULL);
			bytes = malloc((size_t)length);
			WideCharToMultiByte(CP_UTF8, 0, rest + 1, -1, (char *)bytes, length, NULL, NULL);
			size = (DWORD)(length - 1);
		} else {
			size = (DWORD)wcstoul(rest + 1, NULL, 0);
			bytes = pattern(dwData, size);
		}
		BOOL ok;
		LRESULT result = send_one(target, self, dwData, bytes, size, &ok);
		printf("RESULT %llu %lu %lld %016llx%s\n", (unsigned long long)dwData, size, (long long)result,
		        fnv1a(bytes, size), ok ? "" : " FAILED");
		free(bytes);
	}
	printf("DONE n=%d\n", argc);
	return 0;
}

static int flood(const wchar_t *class_name, const wchar_t *title, const wchar_t *kind, int n, DWORD size)
{
	HWND self = own_window();
	HWND target = find(class_name, title, kind);
	int failed = 0;
	long long sum = 0;
	if (target == NULL) {
		printf("ERROR window not found\n");
		return 1;
	}
	for (int i = 1; i <= n; i++) {
		unsigned char *bytes = pattern((ULONG_PTR)i, size);
		BOOL ok;
		LRESULT result = send_one(target, self, (ULONG_PTR)i, bytes, size, &ok);
		free(bytes);
		if (!ok) {
			failed++;
		}
		sum += result;
	}
	printf("DONE n=%d failed=%d sum=%lld\n", n, failed, sum);
	return 0;
}

static int user(const wchar_t *class_name, const wchar_t *title, const wchar_t *kind, WPARAM value)
{
	HWND target = find(class_name, title, kind);
	DWORD_PTR result = 0;
	if (target == NULL) {
		printf("ERROR window not found\n");
		return 1;
	}
	if (!SendMessageTimeoutW(target, WM_USER + 1, value, 0, SMTO_NORMAL, 60000, &result)) {
		printf("ERROR SendMessageTimeout %lu\n", GetLastError());
		return 1;
	}
	printf("USER %llu\n", (unsigned long long)result);
	return 0;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int bench(const wchar_t *class_name, const wchar_t *title, const wchar_t *kind, int n, DWORD size)
{
	HWND self = own_window();
	HWND target = find(class_name, title, kind);
	LARGE_INTEGER frequency, start, end, all_start, all_end;
	double *micros = malloc(sizeof *micros * (size_t)n), total = 0;
	unsigned char *bytes = pattern(1, size);
	if (target == NULL) {
		printf("ERROR window not found\n");
		return 1;
	}
	QueryPerformanceFrequency(&frequency);
	QueryPerformanceCounter(&all_start);
	for (int i = 0; i < n; i++) {
		BOOL ok;
		QueryPerformanceCounter(&start);
		send_one(target, self, 1, bytes, size, &ok);
		QueryPerformanceCounter(&end);
		micros[i] = (double)(end.QuadPart - start.QuadPart) * 1e6 / (double)frequency.QuadPart;
		total += micros[i];
	}
	QueryPerformanceCounter(&all_end);
	qsort(micros, (size_t)n, sizeof *micros, compare);
	printf("BENCH n=%d size=%lu median_us=%.1f p95_us=%.1f mean_us=%.1f per_second=%.0f\n", n, size, micros[n / 2],
	        micros[n * 95 / 100], total / n,
	        n / ((double)(all_end.QuadPart - all_start.QuadPart) / (double)frequency.QuadPart));
	return 0;
}

int wmain(int argc, wchar_t **argv)
{
	int code;
	if (argc >= 5 && wcscmp(argv[1], L"receive") == 0) {
		code = receive(argv[2], argv[3], argv[4]);
	} else if (argc >= 5 && wcscmp(argv[1], L"send") == 0) {
		code = send_all(argv[2], argv[3], argv[4], argc - 5, argv + 5);
	} else if (argc == 7 && wcscmp(argv[1], L"flood") == 0) {
		code = flood(argv[2], argv[3], argv[4], _wtoi(argv[5]), (DWORD)_wtoi(argv[6]));
	} else if (argc == 6 && wcscmp(argv[1], L"user") == 0) {
		code = user(argv[2], argv[3], argv[4], (WPARAM)_wtoi(argv[5]));
	} else if (argc == 7 && wcscmp(argv[1], L"bench") == 0) {
		code = bench(argv[2], argv[3], argv[4], _wtoi(argv[5]), (DWORD)_wtoi(argv[6]));
	} else {
		printf("ERROR usage: see the comment at the top of copydata_helper.c\n");
		code = 1;
	}
	fflush(stdout);
	return code;
}
