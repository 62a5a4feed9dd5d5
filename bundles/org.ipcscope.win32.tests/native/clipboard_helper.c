/*
 * Test helper for the clipboard reader: a program that owns the clipboard.
 *
 * clipboard_helper own TEXT
 *     creates a message-only window, puts on the clipboard (its window the owner) TEXT as
 *     CF_UNICODETEXT, 8 bytes "IPC\x01\x02\x03\xfe\xff" in the registered format
 *     "IpcScopeCustom", and "IpcScopeDelayed" with delayed rendering (no data until asked), then
 *     prints "READY hwnd=0x... pid=N custom=ID delayed=ID sequence=N" and pumps messages until
 *     stdin closes or 10 minutes pass. WM_RENDERFORMAT is counted and answered with
 *     "rendered N" (N the count, no NUL). Commands on stdin, one per line:
 *       renders   -> "OK renders=N"
 *       set TEXT  -> the three formats again with TEXT, "OK sequence=N"
 *       rich      -> "HTML Format", "Rich Text Format" and CF_HDROP (two files), "OK sequence=N"
 *       hold      -> opens the clipboard and keeps it open, "OK"
 *       release   -> closes it, "OK"
 * exit: 0 done, 1 bad arguments or a call failed, 2 timeout.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <shlobj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define TIMEOUT_MS 600000
#define DO_SET (WM_APP + 1)
#define DO_RICH (WM_APP + 2)
#define DO_HOLD (WM_APP + 3)
#define DO_RELEASE (WM_APP + 4)

static HWND window;
static UINT custom;
static UINT delayed;
static UINT html;
static UINT rtf;
static volatile LONG renders;

static HGLOBAL global_copy(const void *bytes, SIZE_T size)
{
	HGLOBAL memory = GlobalAlloc(GMEM_MOVEABLE, size);
	if (memory == NULL) {
		return NULL;
	}
	memcpy(GlobalLock(memory), bytes, size);
	GlobalUnlock(memory);
	return memory;
}

static BOOL put(UINT format, const void *bytes, SIZE_T size)
{
	HGLOBAL memory = global_copy(bytes, size);
	return memory != NULL && SetClipboardData(format, memory) != NULL;
}

static BOOL set_formats(const wchar_t *text)
{
	static const unsigned char bytes[] = {'I', 'P', 'C', 1, 2, 3, 0xfe, 0xff};
	if (!OpenClipboard(window)) {
		return FALSE;
	}
	BOOL ok = EmptyClipboard() && put(CF_UNICODETEXT, text, (wcslen(text) + 1) * sizeof(wchar_t)) &&
	        put(custom, bytes, sizeof(bytes));
	/* delayed rendering: no data now, WM_RENDERFORMAT when someone asks */
	SetClipboardData(delayed, NULL);
	CloseClipboard();
	return ok;
}

static BOOL set_rich(void)
{
	static const char fragment[] = "<b>bold</b> text";
	static const char rich[] = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\f0 Hello {\\b rich} "
	                           "world\\par second line}";
	char header[512];
	const char *format = "Version:0.9\r\nStartHTML:%010d\r\nEndHTML:%010d\r\nStartFragment:%010d\r\n"
	                     "EndFragment:%010d\r\nSourceURL:https://example.org/\r\n";
	const char *before = "<html><body><!--StartFragment-->";
	const char *after = "<!--EndFragment--></body></html>";
	int header_length = snprintf(header, sizeof(header), format, 0, 0, 0, 0);
	int start_fragment = header_length + (int)strlen(before);
	int end_fragment = start_fragment + (int)strlen(fragment);
	int end_html = end_fragment + (int)strlen(after);
	char document[1024];
	snprintf(header, sizeof(header), format, header_length, end_html, start_fragment, end_fragment);
	snprintf(document, sizeof(document), "%s%s%s%s", header, before, fragment, after);

	static const wchar_t files[] = L"C:\\one.txt\0C:\\two \x00fc.txt\0";
	unsigned char drop[sizeof(DROPFILES) + sizeof(files) + sizeof(wchar_t)];
	DROPFILES *header_drop = (DROPFILES *)drop;
	memset(drop, 0, sizeof(drop));
	header_drop->pFiles = sizeof(DROPFILES);
	header_drop->fWide = TRUE;
	memcpy(drop + sizeof(DROPFILES), files, sizeof(files));

	if (!OpenClipboard(window)) {
		return FALSE;
	}
	BOOL ok = EmptyClipboard() && put(html, document, strlen(document) + 1) && put(rtf, rich, sizeof(rich)) &&
	        put(CF_HDROP, drop, sizeof(drop));
	CloseClipboard();
	return ok;
}

static LRESULT CALLBACK owner_proc(HWND hwnd, UINT message, WPARAM wParam, LPARAM lParam)
{
	switch (message) {
	case WM_RENDERFORMAT: {
		char text[64];
		LONG n = InterlockedIncrement(&renders);
		int length = snprintf(text, sizeof(text), "rendered %ld", (long)n);
		put((UINT)wParam, text, (SIZE_T)length);
		return 0;
	}
	case WM_RENDERALLFORMATS:
		/* the window is going away: the delayed format goes with it unrendered */
		return 0;
	case DO_SET:
		return set_formats((const wchar_t *)lParam);
	case DO_RICH:
		return set_rich();
	case DO_HOLD:
		return OpenClipboard(hwnd);
	case DO_RELEASE:
		return CloseClipboard();
	default:
		return DefWindowProcW(hwnd, message, wParam, lParam);
	}
}

static DWORD WINAPI commands(LPVOID unused)
{
	char line[512];
	(void)unused;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\r\n")] = 0;
		if (strcmp(line, "renders") == 0) {
			printf("OK renders=%ld\n", (long)renders);
		} else if (strncmp(line, "set ", 4) == 0) {
			wchar_t text[512];
			MultiByteToWideChar(CP_UTF8, 0, line + 4, -1, text, 512);
			BOOL ok = (BOOL)SendMessageW(window, DO_SET, 0, (LPARAM)text);
			printf(ok ? "OK sequence=%lu\n" : "ERROR set sequence=%lu\n", GetClipboardSequenceNumber());
		} else if (strcmp(line, "rich") == 0) {
			BOOL ok = (BOOL)SendMessageW(window, DO_RICH, 0, 0);
			printf(ok ? "OK sequence=%lu\n" : "ERROR rich sequence=%lu\n", GetClipboardSequenceNumber());
		} else if (strcmp(line, "hold") == 0) {
			printf(SendMessageW(window, DO_HOLD, 0, 0) ? "OK\n" : "ERROR hold %lu\n", GetLastError());
		} else if (strcmp(line, "release") == 0) {
			printf(SendMessageW(window, DO_RELEASE, 0, 0) ? "OK\n" : "ERROR release\n");
		} else {
			printf("ERROR unknown command %s\n", line);
		}
		fflush(stdout);
	}
	PostMessageW(window, WM_QUIT, 0, 0);
	return 0;
}

int wmain(int argc, wchar_t **argv)
{
	if (argc != 3 || wcscmp(argv[1], L"own") != 0) {
		fprintf(stderr, "usage: clipboard_helper own TEXT\n");
		return 1;
	}
	custom = RegisterClipboardFormatW(L"IpcScopeCustom");
	delayed = RegisterClipboardFormatW(L"IpcScopeDelayed");
	html = RegisterClipboardFormatW(L"HTML Format");
	rtf = RegisterClipboardFormatW(L"Rich Text Format");
	WNDCLASSW window_class = {0};
	window_class.lpfnWndProc = owner_proc;
	window_class.hInstance = GetModuleHandleW(NULL);
	window_class.lpszClassName = L"IpcScopeClipboardOwner";
	if (!RegisterClassW(&window_class)) {
		return 1;
	}
	window = CreateWindowExW(0, window_class.lpszClassName, L"clipboard owner", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
	        window_class.hInstance, NULL);
	if (window == NULL || !set_formats(argv[2])) {
		fprintf(stderr, "clipboard_helper: could not own the clipboard: error %lu\n", GetLastError());
		return 1;
	}
	printf("READY hwnd=0x%llx pid=%lu custom=%u delayed=%u sequence=%lu\n", (unsigned long long)(ULONG_PTR)window,
	        GetCurrentProcessId(), custom, delayed, GetClipboardSequenceNumber());
	fflush(stdout);
	CreateThread(NULL, 0, commands, NULL, 0, NULL);
	SetTimer(NULL, 0, TIMEOUT_MS, NULL);
	MSG message;
	while (GetMessageW(&message, NULL, 0, 0) > 0) {
		if (message.message == WM_TIMER && message.hwnd == NULL) {
			return 2;
		}
		DispatchMessageW(&message);
	}
	return 0;
}
