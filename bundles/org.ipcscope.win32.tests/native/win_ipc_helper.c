/*
 * Test helper: creates the Windows IPC objects a test asks for and keeps them until its stdin
 * closes (the test is done, or died) or a timeout passes, so that a broken test never leaves it
 * running. Commands come one per line on stdin, in UTF-8 (names may hold any character); each
 * gets one answer line, "OK ..." or "ERROR ...", in ASCII.
 *
 * usage: win_ipc_helper [TIMEOUT_SECONDS]          (default 300)
 *
 * commands (fields separated by TAB, so that names may hold spaces):
 *   section NAME SIZE                 page-file-backed mapping, mapped once
 *   sections PREFIX COUNT SIZE        COUNT mappings named PREFIX0..PREFIX<COUNT-1>, not mapped
 *   denied-section NAME SIZE          a mapping whose DACL is empty: nobody may open it
 *   file-section NAME PATH SIZE       CreateFile(PATH) + CreateFileMapping(NAME) on it
 *   event NAME manual|auto 0|1        an event, initially signaled or not
 *   mutex NAME owned|free|abandoned   abandoned: a thread takes it and exits without releasing
 *   semaphore NAME COUNT MAX
 *   timer NAME                        a waitable timer (a type without a kind of its own)
 *   directory NAME                    an object directory \Sessions\N\BaseNamedObjects\NAME, so
 *                                     that Local\NAME\x names an object inside it
 *   pipe NAME MAXINSTANCES            a named pipe server instance (\\.\pipe\NAME), not waiting
 *   pipe-listen NAME                  a server instance whose thread sits in ConnectNamedPipe
 *   mailslot NAME MAXSIZE             \\.\mailslot\NAME
 *   mailslot-write NAME TEXT          writes one message to it as a client
 *   mailslot-info NAME                answers "OK next=N count=M" (GetMailslotInfo, reads nothing)
 *   mailslot-read NAME                reads every message: "OK read=N"
 *   anon-pipe                         CreatePipe; the write end goes to a child process
 *                                     (this program with --hold), answers "OK child=PID"
 *   tcp-listen                        a TCP listener on 127.0.0.1 with one connection to it:
 *                                     "OK port=P client=C"
 *   udp                               a UDP socket bound to 127.0.0.1: "OK port=P"
 *   churn PREFIX                      a thread creating and closing sections, events and pipes
 *                                     named PREFIX... in a loop until stop-churn
 *   stop-churn                        "OK cycles=N"
 *   pid                               "OK pid=P"
 *
 * exit: 0 stdin closed, 2 timeout
 */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <aclapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <winternl.h>

NTSTATUS NTAPI NtCreateDirectoryObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);

#define MAX_FIELDS 6
#define LINE_BYTES 65536

static volatile LONG churn_running;
static volatile LONG churn_cycles;
static HANDLE churn_thread;

static void reply(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vprintf(format, args);
	va_end(args);
	printf("\n");
	fflush(stdout);
}

static void fail(const char *what)
{
	reply("ERROR %s failed: %lu", what, GetLastError());
}

/* Windows names in, so the line is turned into UTF-16 before it is split. */
static int split(wchar_t *line, wchar_t **fields)
{
	int count = 0;
	wchar_t *at = line;
	while (count < MAX_FIELDS) {
		fields[count++] = at;
		at = wcschr(at, L'\t');
		if (at == NULL) {
			break;
		}
		*at++ = 0;
	}
	return count;
}

static unsigned long long number(const wchar_t *text)
{
	return wcstoull(text, NULL, 10);
}

static const wchar_t *pipe_path(const wchar_t *name, const wchar_t *device, wchar_t *buffer, size_t size)
{
	swprintf(buffer, size, L"\\\\.\\%ls\\%ls", device, name);
	return buffer;
}

static void section(wchar_t **f)
{
	unsigned long long size = number(f[2]);
	HANDLE mapping =
	        CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, (DWORD)(size >> 32), (DWORD)size, f[1]);
	unsigned char *view;
	if (mapping == NULL) {
		fail("CreateFileMapping");
		return;
	}
	view = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, 0);
	if (view == NULL) {
		fail("MapViewOfFile");
		return;
	}
	view[0] = 1;
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)mapping);
}

/* A thread adds 1 to the uint32 at offset 16 every 100 ms: memory that changes while watched. */
static DWORD WINAPI count_up(LPVOID view)
{
	volatile unsigned int *value = (volatile unsigned int *)((unsigned char *)view + 16);
	for (;;) {
		*value = *value + 1;
		Sleep(100);
	}
	return 0;
}

static void counter(wchar_t **f)
{
	HANDLE mapping = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, f[1]);
	void *view;
	if (mapping == NULL) {
		fail("CreateFileMapping");
		return;
	}
	view = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, 0);
	if (view == NULL || CreateThread(NULL, 0, count_up, view, 0, NULL) == NULL) {
		fail("counter");
		return;
	}
	reply("OK");
}

/* What another process sees at an offset of a section: a write made by IPC Scope, for instance. */
static void peek(wchar_t **f)
{
	HANDLE mapping = OpenFileMappingW(FILE_MAP_READ, FALSE, f[1]);
	unsigned char *view;
	if (mapping == NULL) {
		fail("OpenFileMapping");
		return;
	}
	view = MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
	if (view == NULL) {
		fail("MapViewOfFile");
		return;
	}
	reply("OK byte=%u", view[number(f[2])]);
	UnmapViewOfFile(view);
	CloseHandle(mapping);
}

static void sections(wchar_t **f)
{
	unsigned long long count = number(f[2]), size = number(f[3]), i;
	wchar_t name[1024];
	for (i = 0; i < count; i++) {
		swprintf(name, 1024, L"%ls%llu", f[1], i);
		if (CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, (DWORD)size, name) == NULL) {
			fail("CreateFileMapping");
			return;
		}
	}
	reply("OK count=%llu", count);
}

static void denied_section(wchar_t **f)
{
	SECURITY_DESCRIPTOR descriptor;
	ACL empty;
	SECURITY_ATTRIBUTES attributes = {sizeof attributes, &descriptor, FALSE};
	HANDLE mapping;
	/* An empty DACL grants nothing to anybody; a NULL DACL would grant everything. */
	InitializeSecurityDescriptor(&descriptor, SECURITY_DESCRIPTOR_REVISION);
	InitializeAcl(&empty, sizeof empty, ACL_REVISION);
	SetSecurityDescriptorDacl(&descriptor, TRUE, &empty, FALSE);
	mapping = CreateFileMappingW(INVALID_HANDLE_VALUE, &attributes, PAGE_READWRITE, 0, (DWORD)number(f[2]), f[1]);
	if (mapping == NULL) {
		fail("CreateFileMapping");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)mapping);
}

static void file_section(wchar_t **f)
{
	unsigned long long size = number(f[3]);
	HANDLE file = CreateFileW(f[2], GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, 0, NULL);
	HANDLE mapping;
	if (file == INVALID_HANDLE_VALUE) {
		fail("CreateFile");
		return;
	}
	mapping = CreateFileMappingW(file, NULL, PAGE_READWRITE, (DWORD)(size >> 32), (DWORD)size, f[1]);
	if (mapping == NULL) {
		fail("CreateFileMapping");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)mapping);
}

static void event(wchar_t **f)
{
	HANDLE h = CreateEventW(NULL, wcscmp(f[2], L"manual") == 0, number(f[3]) != 0, f[1]);
	if (h == NULL) {
		fail("CreateEvent");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static DWORD WINAPI abandon(LPVOID name)
{
	/* Taken and never released: when this thread ends the mutex is abandoned. */
	return CreateMutexW(NULL, TRUE, name) == NULL;
}

static void mutex(wchar_t **f)
{
	HANDLE h;
	if (wcscmp(f[2], L"abandoned") == 0) {
		HANDLE thread = CreateThread(NULL, 0, abandon, f[1], 0, NULL);
		DWORD failed = 1;
		WaitForSingleObject(thread, INFINITE);
		GetExitCodeThread(thread, &failed);
		if (failed) {
			fail("CreateMutex");
			return;
		}
		/* Keep it alive after the thread's handle is gone. */
		h = OpenMutexW(SYNCHRONIZE, FALSE, f[1]);
	} else {
		h = CreateMutexW(NULL, wcscmp(f[2], L"owned") == 0, f[1]);
	}
	if (h == NULL) {
		fail("CreateMutex");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static void semaphore(wchar_t **f)
{
	HANDLE h = CreateSemaphoreW(NULL, (LONG)number(f[2]), (LONG)number(f[3]), f[1]);
	if (h == NULL) {
		fail("CreateSemaphore");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static void timer(wchar_t **f)
{
	HANDLE h = CreateWaitableTimerW(NULL, TRUE, f[1]);
	if (h == NULL) {
		fail("CreateWaitableTimer");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static void directory(wchar_t **f)
{
	DWORD session = 0;
	wchar_t path[1024];
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES attributes;
	HANDLE h;
	NTSTATUS status;
	ProcessIdToSessionId(GetCurrentProcessId(), &session);
	swprintf(path, 1024, L"\\Sessions\\%lu\\BaseNamedObjects\\%ls", session, f[1]);
	RtlInitUnicodeString(&name, path);
	InitializeObjectAttributes(&attributes, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtCreateDirectoryObject(&h, 0xF000F /* DIRECTORY_ALL_ACCESS */, &attributes);
	if (status < 0) {
		reply("ERROR NtCreateDirectoryObject failed: 0x%08lx", (unsigned long)status);
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static HANDLE new_pipe(const wchar_t *name, DWORD instances)
{
	wchar_t path[1024];
	return CreateNamedPipeW(pipe_path(name, L"pipe", path, 1024), PIPE_ACCESS_DUPLEX,
	        PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, instances, 4096, 2048, 0, NULL);
}

static void pipe(wchar_t **f)
{
	HANDLE h = new_pipe(f[1], (DWORD)number(f[2]));
	if (h == INVALID_HANDLE_VALUE) {
		fail("CreateNamedPipe");
		return;
	}
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static DWORD WINAPI connect_pipe(LPVOID handle)
{
	/* Synchronous handle: this blocks until a client comes, which no test does. */
	ConnectNamedPipe(handle, NULL);
	return 0;
}

static void pipe_listen(wchar_t **f)
{
	HANDLE h = new_pipe(f[1], 1);
	if (h == INVALID_HANDLE_VALUE) {
		fail("CreateNamedPipe");
		return;
	}
	if (CreateThread(NULL, 0, connect_pipe, h, 0, NULL) == NULL) {
		fail("CreateThread");
		return;
	}
	Sleep(200);
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

#define MAX_MAILSLOTS 16
static struct {
	wchar_t name[512];
	HANDLE handle;
} mailslots[MAX_MAILSLOTS];

static HANDLE find_mailslot(const wchar_t *name)
{
	int i;
	for (i = 0; i < MAX_MAILSLOTS; i++) {
		if (mailslots[i].handle != NULL && wcscmp(mailslots[i].name, name) == 0) {
			return mailslots[i].handle;
		}
	}
	return NULL;
}

static void mailslot(wchar_t **f)
{
	wchar_t path[1024];
	int i;
	HANDLE h = CreateMailslotW(pipe_path(f[1], L"mailslot", path, 1024), (DWORD)number(f[2]), 0, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fail("CreateMailslot");
		return;
	}
	for (i = 0; i < MAX_MAILSLOTS && mailslots[i].handle != NULL; i++) {
	}
	if (i == MAX_MAILSLOTS) {
		reply("ERROR too many mailslots");
		return;
	}
	wcsncpy(mailslots[i].name, f[1], 511);
	mailslots[i].handle = h;
	reply("OK handle=0x%llx", (unsigned long long)(ULONG_PTR)h);
}

static void mailslot_write(wchar_t **f)
{
	wchar_t path[1024];
	char text[4096];
	DWORD written;
	int length = WideCharToMultiByte(CP_UTF8, 0, f[2], -1, text, sizeof text, NULL, NULL) - 1;
	HANDLE h = CreateFileW(
	        pipe_path(f[1], L"mailslot", path, 1024), GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fail("CreateFile");
		return;
	}
	if (!WriteFile(h, text, (DWORD)length, &written, NULL)) {
		fail("WriteFile");
		return;
	}
	CloseHandle(h);
	reply("OK written=%lu", written);
}

static void mailslot_info(wchar_t **f)
{
	DWORD next = 0, count = 0;
	HANDLE h = find_mailslot(f[1]);
	if (h == NULL || !GetMailslotInfo(h, NULL, &next, &count, NULL)) {
		fail("GetMailslotInfo");
		return;
	}
	reply("OK next=%ld count=%lu", (long)next, count);
}

static void mailslot_read(wchar_t **f)
{
	char buffer[65536];
	DWORD read, next = 0, count = 0, messages = 0;
	HANDLE h = find_mailslot(f[1]);
	if (h == NULL) {
		reply("ERROR no mailslot");
		return;
	}
	while (GetMailslotInfo(h, NULL, &next, &count, NULL) && next != MAILSLOT_NO_MESSAGE) {
		if (!ReadFile(h, buffer, sizeof buffer, &read, NULL)) {
			fail("ReadFile");
			return;
		}
		messages++;
	}
	reply("OK read=%lu", messages);
}

static void anon_pipe(void)
{
	SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
	HANDLE read_end, write_end, self;
	wchar_t exe[MAX_PATH], command[2 * MAX_PATH];
	STARTUPINFOW startup;
	PROCESS_INFORMATION child;
	if (!CreatePipe(&read_end, &write_end, &inherit, 0)) {
		fail("CreatePipe");
		return;
	}
	/* Only the write end and the parent's handle go to the child, not the test's stdio pipes. */
	SetHandleInformation(read_end, HANDLE_FLAG_INHERIT, 0);
	SetHandleInformation(GetStdHandle(STD_INPUT_HANDLE), HANDLE_FLAG_INHERIT, 0);
	SetHandleInformation(GetStdHandle(STD_OUTPUT_HANDLE), HANDLE_FLAG_INHERIT, 0);
	SetHandleInformation(GetStdHandle(STD_ERROR_HANDLE), HANDLE_FLAG_INHERIT, 0);
	DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), GetCurrentProcess(), &self, SYNCHRONIZE, TRUE, 0);
	GetModuleFileNameW(NULL, exe, MAX_PATH);
	swprintf(command, 2 * MAX_PATH, L"\"%ls\" --hold %llu", exe, (unsigned long long)(ULONG_PTR)self);
	ZeroMemory(&startup, sizeof startup);
	startup.cb = sizeof startup;
	startup.dwFlags = STARTF_USESTDHANDLES;
	startup.hStdInput = INVALID_HANDLE_VALUE;
	startup.hStdOutput = INVALID_HANDLE_VALUE;
	startup.hStdError = INVALID_HANDLE_VALUE;
	if (!CreateProcessW(exe, command, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &child)) {
		fail("CreateProcess");
		return;
	}
	CloseHandle(write_end);
	CloseHandle(self);
	CloseHandle(child.hThread);
	reply("OK child=%lu read=0x%llx", child.dwProcessId, (unsigned long long)(ULONG_PTR)read_end);
}

static void tcp_listen(void)
{
	SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP), client;
	struct sockaddr_in address = {0}, local = {0};
	int length = sizeof address;
	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (listener == INVALID_SOCKET || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 ||
	        listen(listener, 4) != 0 || getsockname(listener, (struct sockaddr *)&address, &length) != 0) {
		reply("ERROR listen failed: %d", WSAGetLastError());
		return;
	}
	client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	if (client == INVALID_SOCKET || connect(client, (struct sockaddr *)&address, sizeof address) != 0) {
		reply("ERROR connect failed: %d", WSAGetLastError());
		return;
	}
	length = sizeof local;
	getsockname(client, (struct sockaddr *)&local, &length);
	reply("OK port=%u client=%u", ntohs(address.sin_port), ntohs(local.sin_port));
}

static void udp(void)
{
	SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	struct sockaddr_in address = {0};
	int length = sizeof address;
	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s == INVALID_SOCKET || bind(s, (struct sockaddr *)&address, sizeof address) != 0 ||
	        getsockname(s, (struct sockaddr *)&address, &length) != 0) {
		reply("ERROR udp failed: %d", WSAGetLastError());
		return;
	}
	reply("OK port=%u", ntohs(address.sin_port));
}

static DWORD WINAPI churn(LPVOID prefix)
{
	wchar_t name[1024];
	HANDLE handles[3];
	int i;
	while (churn_running) {
		for (i = 0; i < 20 && churn_running; i++) {
			swprintf(name, 1024, L"%ls-section-%d", (wchar_t *)prefix, i);
			handles[0] = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
			swprintf(name, 1024, L"%ls-event-%d", (wchar_t *)prefix, i);
			handles[1] = CreateEventW(NULL, TRUE, FALSE, name);
			handles[2] = new_pipe(name, 1);
			Sleep(0);
			CloseHandle(handles[0]);
			CloseHandle(handles[1]);
			CloseHandle(handles[2]);
		}
		InterlockedIncrement(&churn_cycles);
	}
	return 0;
}

static void start_churn(wchar_t **f)
{
	static wchar_t prefix[512];
	wcsncpy(prefix, f[1], 511);
	churn_running = 1;
	churn_thread = CreateThread(NULL, 0, churn, prefix, 0, NULL);
	if (churn_thread == NULL) {
		fail("CreateThread");
		return;
	}
	reply("OK");
}

static void stop_churn(void)
{
	churn_running = 0;
	if (churn_thread != NULL) {
		WaitForSingleObject(churn_thread, INFINITE);
	}
	reply("OK cycles=%ld", churn_cycles);
}

static void run(wchar_t *line)
{
	wchar_t *f[MAX_FIELDS] = {0};
	int n = split(line, f);
	const wchar_t *c = f[0];
#define IS(command, fields) (wcscmp(c, command) == 0 && n == (fields))
	if (IS(L"section", 3))
		section(f);
	else if (IS(L"sections", 4))
		sections(f);
	else if (IS(L"counter", 2))
		counter(f);
	else if (IS(L"peek", 3))
		peek(f);
	else if (IS(L"denied-section", 3))
		denied_section(f);
	else if (IS(L"file-section", 4))
		file_section(f);
	else if (IS(L"event", 4))
		event(f);
	else if (IS(L"mutex", 3))
		mutex(f);
	else if (IS(L"semaphore", 4))
		semaphore(f);
	else if (IS(L"timer", 2))
		timer(f);
	else if (IS(L"directory", 2))
		directory(f);
	else if (IS(L"pipe", 3))
		pipe(f);
	else if (IS(L"pipe-listen", 2))
		pipe_listen(f);
	else if (IS(L"mailslot", 3))
		mailslot(f);
	else if (IS(L"mailslot-write", 3))
		mailslot_write(f);
	else if (IS(L"mailslot-info", 2))
		mailslot_info(f);
	else if (IS(L"mailslot-read", 2))
		mailslot_read(f);
	else if (IS(L"anon-pipe", 1))
		anon_pipe();
	else if (IS(L"tcp-listen", 1))
		tcp_listen();
	else if (IS(L"udp", 1))
		udp();
	else if (IS(L"churn", 2))
		start_churn(f);
	else if (IS(L"stop-churn", 1))
		stop_churn();
	else if (IS(L"pid", 1))
		reply("OK pid=%lu", GetCurrentProcessId());
	else
		reply("ERROR unknown command or wrong field count (%d)", n);
#undef IS
}

static DWORD WINAPI serve(LPVOID unused)
{
	static char bytes[LINE_BYTES];
	static wchar_t line[LINE_BYTES];
	size_t used = 0;
	DWORD read;
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	(void)unused;
	/* ReadFile fails or reads 0 bytes once the writing end is closed. */
	while (used < sizeof bytes - 1 && ReadFile(in, bytes + used, 1, &read, NULL) && read == 1) {
		if (bytes[used] == '\n') {
			bytes[used] = 0;
			if (used > 0 && bytes[used - 1] == '\r') {
				bytes[used - 1] = 0;
			}
			if (MultiByteToWideChar(CP_UTF8, 0, bytes, -1, line, LINE_BYTES) == 0) {
				fail("MultiByteToWideChar");
			} else {
				run(line);
			}
			used = 0;
		} else {
			used++;
		}
	}
	return 0;
}

/* The child of anon-pipe: holds its inherited pipe end until the parent ends. */
static int hold(const wchar_t *parent)
{
	HANDLE process = (HANDLE)(ULONG_PTR)number(parent);
	return WaitForSingleObject(process, 300000) == WAIT_OBJECT_0 ? 0 : 2;
}

int wmain(int argc, wchar_t **argv)
{
	WSADATA winsock;
	HANDLE server;
	DWORD timeout = 300;

	if (argc == 3 && wcscmp(argv[1], L"--hold") == 0) {
		return hold(argv[2]);
	}
	if (argc == 2) {
		timeout = (DWORD)number(argv[1]);
	}
	WSAStartup(MAKEWORD(2, 2), &winsock);
	reply("READY pid=%lu", GetCurrentProcessId());
	server = CreateThread(NULL, 0, serve, NULL, 0, NULL);
	if (server == NULL) {
		return 1;
	}
	/* exit() ends every thread, including one blocked in ConnectNamedPipe or churning. */
	exit(WaitForSingleObject(server, timeout * 1000) == WAIT_OBJECT_0 ? 0 : 2);
}
