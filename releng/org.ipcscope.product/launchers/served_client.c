/*
 * The served mode of ipcscope-cli.exe (served_client.h). Windows calls only, no C runtime I/O:
 * the reply's bytes reach stdout and stderr as the server wrote them.
 */
#include "served_client.h"

#include <aclapi.h>
#include <sddl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MAX_REQUEST (1 << 20)
#define MAX_REPLY_PART (256u << 20)
#define PROTOCOL_VERSION "1"
#define DEFAULT_TIMEOUT_MS 30000

/* What DaemonProtocol.VARIABLES names: the caller's values travel with the request. */
static const wchar_t *const VARIABLES[] = {
        L"IPCSCOPE_FIFO_DIRS", L"LANG", L"LC_ALL", L"LC_CTYPE", L"LC_NUMERIC", L"TZ"};
/* ServedCommands.SERVED */
static const wchar_t *const SERVED[] = {L"list", L"processes", L"regions", L"modules", L"search"};

int served_wanted(int argc, wchar_t **argv)
{
	wchar_t value[8];
	DWORD n = GetEnvironmentVariableW(L"IPCSCOPE_DAEMON", value, 8);
	if (n > 0 && n < 8 && wcscmp(value, L"0") == 0)
		return 0;
	if (argc < 2)
		return 0;
	for (size_t i = 0; i < sizeof SERVED / sizeof *SERVED; i++)
		if (wcscmp(argv[1], SERVED[i]) == 0)
			return 1;
	return argc == 3 && wcscmp(argv[1], L"daemon") == 0 &&
	        (wcscmp(argv[2], L"status") == 0 || wcscmp(argv[2], L"stop") == 0);
}

/* The user SID of TOKEN, LocalAlloc'ed by GetTokenInformation's caller: free with free(). */
static TOKEN_USER *token_user(HANDLE token)
{
	DWORD size = 0;
	GetTokenInformation(token, TokenUser, NULL, 0, &size);
	if (size == 0)
		return NULL;
	TOKEN_USER *user = malloc(size);
	if (user && !GetTokenInformation(token, TokenUser, user, size, &size)) {
		free(user);
		return NULL;
	}
	return user;
}

static TOKEN_USER *process_user(HANDLE process)
{
	HANDLE token;
	if (!OpenProcessToken(process, TOKEN_QUERY, &token))
		return NULL;
	TOKEN_USER *user = token_user(token);
	CloseHandle(token);
	return user;
}

/* The output code page when the handle is a console (the JVM writes in it then), else 0. */
static UINT console_page(DWORD which)
{
	DWORD mode;
	return GetConsoleMode(GetStdHandle(which), &mode) ? GetConsoleOutputCP() : 0;
}

int served_pipe_name(wchar_t *pipe, const wchar_t *key)
{
	TOKEN_USER *user = process_user(GetCurrentProcess());
	wchar_t *sid = NULL;
	if (!user || !ConvertSidToStringSidW(user->User.Sid, &sid)) {
		free(user);
		return -1;
	}
	/* FNV-1a over the build's description and the output encodings: each gets a server of its own */
	uint64_t hash = 0xcbf29ce484222325ull;
	for (const wchar_t *c = key; *c; c++) {
		hash = (hash ^ (uint16_t)*c) * 0x100000001b3ull;
	}
	UINT pages[2] = {console_page(STD_OUTPUT_HANDLE), console_page(STD_ERROR_HANDLE)};
	for (int i = 0; i < 2; i++)
		hash = (hash ^ pages[i]) * 0x100000001b3ull;
	_snwprintf(pipe, SERVED_PIPE_MAX, L"\\\\.\\pipe\\ipcscope-%ls-%016llx", sid, (unsigned long long)hash);
	pipe[SERVED_PIPE_MAX - 1] = 0;
	LocalFree(sid);
	free(user);
	return 0;
}

/*
 * Whether the server end of PIPE is this user's: the pipe object's owner and the user of the
 * process holding the server end must both be the caller's. A pipe made first by someone
 * else (squatting on the name) fails one of them.
 */
static int server_is_ours(HANDLE pipe)
{
	int ours = 0;
	TOKEN_USER *me = process_user(GetCurrentProcess());
	PSID owner = NULL;
	PSECURITY_DESCRIPTOR descriptor = NULL;
	ULONG pid = 0;
	if (me &&
	        GetSecurityInfo(pipe, SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL,
	                &descriptor) == ERROR_SUCCESS &&
	        owner && EqualSid(owner, me->User.Sid) && GetNamedPipeServerProcessId(pipe, &pid)) {
		HANDLE server = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
		if (server) {
			TOKEN_USER *user = process_user(server);
			ours = user && EqualSid(user->User.Sid, me->User.Sid);
			free(user);
			CloseHandle(server);
		}
	}
	if (descriptor)
		LocalFree(descriptor);
	free(me);
	return ours;
}

struct buffer {
	char *data;
	size_t length, capacity;
};

static int put(struct buffer *b, const void *bytes, size_t n)
{
	if (b->length + n > b->capacity) {
		size_t capacity = b->capacity ? b->capacity : 4096;
		while (capacity < b->length + n)
			capacity *= 2;
		char *grown = realloc(b->data, capacity);
		if (!grown)
			return -1;
		b->data = grown;
		b->capacity = capacity;
	}
	memcpy(b->data + b->length, bytes, n);
	b->length += n;
	return 0;
}

/* A wide string as UTF-8 with its NUL; -1 if it is not valid UTF-16 (the JVM of its own takes it then). */
static int put_string(struct buffer *b, const wchar_t *text)
{
	int n = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, text, -1, NULL, 0, NULL, NULL);
	if (n <= 0)
		return -1;
	char *utf8 = malloc(n);
	if (!utf8)
		return -1;
	WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, text, -1, utf8, n, NULL, NULL);
	int result = put(b, utf8, n);
	free(utf8);
	return result;
}

static void put_u32(char *at, uint32_t value)
{
	at[0] = (char)(value >> 24);
	at[1] = (char)(value >> 16);
	at[2] = (char)(value >> 8);
	at[3] = (char)value;
}

static uint32_t get_u32(const unsigned char *at)
{
	return (uint32_t)at[0] << 24 | (uint32_t)at[1] << 16 | (uint32_t)at[2] << 8 | at[3];
}

/* The request: IPCS, length, then version, directory, environment count and entries, arguments. */
static int request(struct buffer *b, int argc, wchar_t **argv)
{
	if (put(b, "IPCS\0\0\0\0", 8) || put(b, PROTOCOL_VERSION, sizeof PROTOCOL_VERSION))
		return -1;
	wchar_t directory[32768];
	DWORD n = GetCurrentDirectoryW(32768, directory);
	if (n == 0 || n >= 32768 || put_string(b, directory))
		return -1;
	wchar_t entries[sizeof VARIABLES / sizeof *VARIABLES][4096];
	int count = 0;
	for (size_t i = 0; i < sizeof VARIABLES / sizeof *VARIABLES; i++) {
		wchar_t value[4000];
		SetLastError(ERROR_SUCCESS); /* 0 is an empty value then, not a stale error */
		n = GetEnvironmentVariableW(VARIABLES[i], value, 4000);
		if (n >= 4000)
			return -1; /* longer than we send: the JVM of its own reads it */
		if (n > 0 || GetLastError() != ERROR_ENVVAR_NOT_FOUND)
			_snwprintf(entries[count++], 4096, L"%ls=%ls", VARIABLES[i], n > 0 ? value : L"");
	}
	char number[16];
	int length = _snprintf(number, sizeof number, "%d", count);
	if (put(b, number, length + 1))
		return -1;
	for (int i = 0; i < count; i++)
		if (put_string(b, entries[i]))
			return -1;
	for (int i = 1; i < argc; i++)
		if (put_string(b, argv[i]))
			return -1;
	if (b->length > MAX_REQUEST)
		return -1;
	put_u32(b->data + 4, (uint32_t)(b->length - 8));
	return 0;
}

static DWORD timeout_ms(void)
{
	wchar_t value[16];
	DWORD n = GetEnvironmentVariableW(L"IPCSCOPE_DAEMON_TIMEOUT", value, 16);
	if (n == 0 || n >= 16)
		return DEFAULT_TIMEOUT_MS;
	wchar_t *end;
	unsigned long seconds = wcstoul(value, &end, 10);
	return *end || end == value || seconds == 0 || seconds > 86400 ? DEFAULT_TIMEOUT_MS : (DWORD)(seconds * 1000);
}

/* Overlapped transfer of N bytes, all or nothing, before DEADLINE (GetTickCount64). */
static int transfer(HANDLE pipe, int writing, void *bytes, DWORD n, ULONGLONG deadline)
{
	OVERLAPPED overlapped = {0};
	overlapped.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (!overlapped.hEvent)
		return -1;
	int result = 0;
	while (n > 0 && result == 0) {
		DWORD done = 0;
		ResetEvent(overlapped.hEvent);
		BOOL ok = writing ? WriteFile(pipe, bytes, n, NULL, &overlapped) : ReadFile(pipe, bytes, n, NULL, &overlapped);
		if (!ok && GetLastError() != ERROR_IO_PENDING) {
			result = -1;
			break;
		}
		ULONGLONG now = GetTickCount64();
		DWORD wait = now >= deadline ? 0 : (DWORD)(deadline - now);
		if (WaitForSingleObject(overlapped.hEvent, wait) != WAIT_OBJECT_0) {
			CancelIo(pipe);
			GetOverlappedResult(pipe, &overlapped, &done, TRUE);
			result = -1;
			break;
		}
		if (!GetOverlappedResult(pipe, &overlapped, &done, FALSE) || done == 0) {
			result = -1;
			break;
		}
		bytes = (char *)bytes + done;
		n -= done;
	}
	CloseHandle(overlapped.hEvent);
	return result;
}

static int write_all(DWORD which, const char *bytes, size_t n)
{
	HANDLE out = GetStdHandle(which);
	while (n > 0) {
		DWORD written;
		if (!WriteFile(out, bytes, n > 1u << 20 ? 1u << 20 : (DWORD)n, &written, NULL))
			return -1;
		bytes += written;
		n -= written;
	}
	return 0;
}

/* One part of the reply: a 32-bit length and that many bytes, read in full. */
static char *read_part(HANDLE pipe, uint32_t *length, ULONGLONG deadline)
{
	unsigned char head[4];
	if (transfer(pipe, 0, head, 4, deadline))
		return NULL;
	*length = get_u32(head);
	if (*length > MAX_REPLY_PART)
		return NULL;
	char *part = malloc(*length ? *length : 1);
	if (part && *length && transfer(pipe, 0, part, *length, deadline)) {
		free(part);
		return NULL;
	}
	return part;
}

int served_call(const wchar_t *pipe_name, int argc, wchar_t **argv)
{
	ULONGLONG deadline = GetTickCount64() + timeout_ms();
	struct buffer b = {0};
	if (request(&b, argc, argv)) {
		free(b.data);
		return SERVED_FALLBACK;
	}
	HANDLE pipe = INVALID_HANDLE_VALUE;
	for (int attempt = 0; attempt < 2 && pipe == INVALID_HANDLE_VALUE; attempt++) {
		/* identification only: a server cannot act as us with our connection */
		pipe = CreateFileW(pipe_name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
		        FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, NULL);
		if (pipe == INVALID_HANDLE_VALUE && (GetLastError() != ERROR_PIPE_BUSY || !WaitNamedPipeW(pipe_name, 2000)))
			break;
	}
	int code = SERVED_FALLBACK;
	char *out = NULL, *err = NULL;
	if (pipe == INVALID_HANDLE_VALUE)
		goto done;
	if (!server_is_ours(pipe)) {
		write_all(STD_ERROR_HANDLE, "ipcscope: the resident server's pipe is not this user's: not used\r\n", 67);
		goto done;
	}
	unsigned char head[9];
	uint32_t out_length, err_length;
	if (transfer(pipe, 1, b.data, (DWORD)b.length, deadline) || transfer(pipe, 0, head, 9, deadline) ||
	        memcmp(head, "IPCS", 4) != 0 || head[4] != 0)
		goto done;
	int exit_code = (int)get_u32(head + 5);
	out = read_part(pipe, &out_length, deadline);
	err = out ? read_part(pipe, &err_length, deadline) : NULL;
	if (!err || exit_code < 0 || exit_code == 222)
		goto done;
	write_all(STD_OUTPUT_HANDLE, out, out_length);
	write_all(STD_ERROR_HANDLE, err, err_length);
	code = exit_code;
done:
	if (pipe != INVALID_HANDLE_VALUE)
		CloseHandle(pipe);
	free(out);
	free(err);
	free(b.data);
	return code;
}

/* Appends TEXT to COMMAND as one argument, quoted as CommandLineToArgvW and the JVM read it. */
static void append_argument(wchar_t *command, size_t size, const wchar_t *text)
{
	size_t at = wcslen(command);
	if (at && at + 1 < size)
		command[at++] = L' ';
	if (at + 1 < size)
		command[at++] = L'"';
	for (const wchar_t *c = text; *c && at + 4 < size; c++) {
		size_t slashes = 0;
		while (c[slashes] == L'\\')
			slashes++;
		int quote_follows = c[slashes] == L'"' || c[slashes] == 0;
		for (size_t i = 0; i < slashes * (quote_follows ? 2 : 1) && at + 4 < size; i++)
			command[at++] = L'\\';
		c += slashes;
		if (!*c)
			break;
		if (*c == L'"')
			command[at++] = L'\\';
		command[at++] = *c;
	}
	if (at + 1 < size)
		command[at++] = L'"';
	command[at] = 0;
}

/*
 * A named event that lives as long as the server a client started: the server holds a duplicate
 * of its handle. While it exists, other clients start no second server (a JVM start under Wine
 * costs seconds of CPU); with the server's end it goes. Returns NULL if it exists already.
 */
static HANDLE start_marker(const wchar_t *pipe)
{
	const wchar_t *base = wcsrchr(pipe, L'\\');
	wchar_t name[SERVED_PIPE_MAX + 32];
	_snwprintf(name, sizeof name / sizeof *name, L"Local\\%ls-started", base ? base + 1 : pipe);
	name[sizeof name / sizeof *name - 1] = 0;
	HANDLE marker = CreateEventW(NULL, TRUE, FALSE, name);
	if (marker && GetLastError() == ERROR_ALREADY_EXISTS) {
		CloseHandle(marker);
		return NULL;
	}
	return marker;
}

int served_start(const wchar_t *java, const wchar_t *vm_options, const wchar_t *classpath, const wchar_t *pipe)
{
	HANDLE marker = start_marker(pipe);
	if (!marker)
		return 0; /* starting or running already */
	wchar_t idle[16] = L"180";
	DWORD n = GetEnvironmentVariableW(L"IPCSCOPE_DAEMON_IDLE", idle, 16);
	if (n == 0 || n >= 16)
		wcscpy(idle, L"180");
	wchar_t log[MAX_PATH + 64];
	n = GetEnvironmentVariableW(L"LOCALAPPDATA", log, MAX_PATH);
	if (n == 0 || n >= MAX_PATH) {
		CloseHandle(marker);
		return -1;
	}
	wcscat(log, L"\\IPC Scope");
	CreateDirectoryW(log, NULL); /* in the user's own profile; may exist */
	wchar_t directory[MAX_PATH + 64];
	wcscpy(directory, log);
	wcscat(log, L"\\daemon.log");
	size_t size = wcslen(java) + (vm_options ? wcslen(vm_options) : 0) + wcslen(classpath) * 2 + wcslen(pipe) * 2 +
	        2 * MAX_PATH + 512;
	wchar_t *command = calloc(size, sizeof *command);
	if (!command) {
		CloseHandle(marker);
		return -1;
	}
	append_argument(command, size, java);
	if (vm_options && *vm_options) {
		wcscat(command, L" ");
		wcscat(command, vm_options);
	}
	wcscat(command, L" -XX:+UseSerialGC -Xmx192m -XX:-UsePerfData --enable-native-access=ALL-UNNAMED");
	/* it has no console: it writes as the caller's own JVM would, in the console's code page (named
	 * as the JDK names it), or UTF-8 into a pipe or a file (ipcscope-cli.c's run_direct) */
	static const wchar_t *const streams[2] = {L"stdout", L"stderr"};
	UINT pages[2] = {console_page(STD_OUTPUT_HANDLE), console_page(STD_ERROR_HANDLE)};
	for (int i = 0; i < 2; i++) {
		if (pages[i] == 0 || pages[i] == CP_UTF8)
			_snwprintf(command + wcslen(command), 64, L" -D%ls.encoding=UTF-8", streams[i]);
		else
			_snwprintf(command + wcslen(command), 64, L" -D%ls.encoding=cp%u", streams[i], pages[i]);
	}
	wcscat(command, L" -cp");
	append_argument(command, size, classpath);
	append_argument(command, size, L"org.ipcscope.cli.internal.PipeServer");
	append_argument(command, size, pipe);
	append_argument(command, size, idle);
	append_argument(command, size, log);
	STARTUPINFOW startup = {0};
	startup.cb = sizeof startup;
	PROCESS_INFORMATION process;
	/* its own process group, no console, no handles of ours: the caller's console and pipes close when it exits */
	BOOL ok = CreateProcessW(NULL, command, NULL, NULL, FALSE,
	        DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP | CREATE_UNICODE_ENVIRONMENT, NULL, directory, &startup,
	        &process);
	free(command);
	if (!ok) {
		CloseHandle(marker);
		return -1;
	}
	HANDLE held;
	DuplicateHandle(GetCurrentProcess(), marker, process.hProcess, &held, 0, FALSE, DUPLICATE_SAME_ACCESS);
	CloseHandle(marker);
	CloseHandle(process.hThread);
	CloseHandle(process.hProcess);
	return 0;
}
