/*
 * ipcscope_capture.dll: traffic capture inside a target process (issue 13).
 *
 * IPC Scope creates the section Local\ipcscope-capture-<target pid>-<nonce, hex>, loads this DLL
 * into the target with CreateRemoteThread(LoadLibraryW) and runs capture_start(nonce) there in a
 * second remote thread. capture_start patches the import address tables of the process's modules
 * (not the system DLLs that implement the calls, not this DLL) so that ReadFile, WriteFile, ... go
 * through the hooks below, and starts a watchdog thread. Each call on a pipe, mailslot or socket
 * handle that the section's filter wants is copied into the ring (layout in TrafficRing.java);
 * the target never waits for the reader: a full ring counts a drop.
 *
 * The watchdog undoes everything when IPC Scope asks (stop flag in the header) or when IPC
 * Scope's process ends (it holds a SYNCHRONIZE handle on it): it restores the tables, waits for
 * the calls still inside a hook to leave, and unloads the DLL with FreeLibraryAndExitThread. A
 * hook address handed out by GetProcAddress may be called at any later time, so then the DLL
 * stays loaded, passing calls on and recording nothing. Built without a C runtime.
 */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <windows.h>
#include <tlhelp32.h>
#include <stdint.h>

#define MAGIC 0x54435049u /* "IPCT" */
#define VERSION 1u
#define HEADER_SIZE 1024u
#define SLOT_SIZE 64u

/* header offsets */
#define H_MAGIC 0
#define H_VERSION 4
#define H_SLOTS 8
#define H_CAP 12
#define H_DATA_SIZE 16
#define H_STATE 24
#define H_ERROR 28
#define H_WRITE 32
#define H_READ 40
#define H_DROPPED 48
#define H_HEAD 56
#define H_TAIL 64
#define H_STOP 72
#define H_KINDS 76
#define H_CAPTURER_PID 80
#define H_TARGET_PID 88
#define H_PATCHED 96
#define H_FILTER_CHARS 100
#define H_RETARGETED 104
#define H_FILTER 128
#define MAX_FILTER_CHARS 440

/* slot offsets */
#define S_SEQ 0
#define S_TIME 8
#define S_HANDLE 16
#define S_TID 24
#define S_OP 28
#define S_CALL 30
#define S_REQUESTED 32
#define S_TRANSFERRED 40
#define S_STATUS 48
#define S_STORED 52
#define S_DATA_START 56

#define STATE_WAITING 0u
#define STATE_ATTACHED 1u
#define STATE_FAILED 2u
#define STATE_UNLOADED 3u   /* unhooked, every call out of the hooks: the DLL unloads now */
#define STATE_DRAINING 4u   /* unhooked, waiting for the calls inside a hook to leave, then unloads */
#define STATE_PINNED 5u     /* unhooked, but a hook address was handed out: stays loaded */

enum op { OP_READ = 1, OP_WRITE, OP_CONNECT, OP_ACCEPT, OP_DISCONNECT, OP_CLOSE, OP_INFO = 100 };
enum kind { KIND_PIPE = 1, KIND_MAILSLOT = 2, KIND_TCP = 4, KIND_UDP = 8 };
enum call {
	C_READFILE = 1, C_WRITEFILE, C_READFILEEX, C_WRITEFILEEX, C_GETOVERLAPPEDRESULT, C_GQCS,
	C_TRANSACTNAMEDPIPE, C_CALLNAMEDPIPE, C_CONNECTNAMEDPIPE, C_DISCONNECTNAMEDPIPE, C_SEND, C_RECV,
	C_SENDTO, C_RECVFROM, C_WSASEND, C_WSARECV, C_CLOSEHANDLE, C_CLOSESOCKET, C_GQCSEX
};

void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);

typedef struct {
	USHORT Length;
	USHORT MaximumLength;
	PWSTR Buffer;
} NAME_STRING;
LONG NTAPI NtQueryObject(HANDLE, int, PVOID, ULONG, PULONG);
ULONG NTAPI RtlNtStatusToDosError(LONG);
BOOL WINAPI K32EnumProcessModules(HANDLE, HMODULE *, DWORD, LPDWORD);
LONG NTAPI NtQueryInformationThread(HANDLE, int, PVOID, ULONG, PULONG);

static inline uint64_t *u64(unsigned char *base, size_t offset) { return (uint64_t *)(base + offset); }
static inline uint32_t *u32(unsigned char *base, size_t offset) { return (uint32_t *)(base + offset); }

static HMODULE self;
static unsigned char *view;
static HANDLE mapping;
static HANDLE capturer;
static LARGE_INTEGER frequency;
static volatile LONG active;
static volatile LONG inflight;
static volatile LONG routines;
static volatile LONG handed_out;
static volatile LONG watching;
static SRWLOCK ring_lock = SRWLOCK_INIT;
static SRWLOCK cache_lock = SRWLOCK_INIT;
static SRWLOCK pending_lock = SRWLOCK_INIT;
static SRWLOCK patch_lock = SRWLOCK_INIT;
static uint32_t kinds_wanted;
static wchar_t filter[MAX_FILTER_CHARS + 1];
static uint32_t filter_chars;

/* ---------- the ring ---------- */

struct segment {
	const void *data;
	uint64_t size;
};

static uint64_t now_micros(void)
{
	LARGE_INTEGER counter;
	QueryPerformanceCounter(&counter);
	uint64_t ticks = (uint64_t)counter.QuadPart;
	uint64_t f = (uint64_t)frequency.QuadPart;
	return ticks / f * 1000000u + ticks % f * 1000000u / f;
}

/* Copies one record into the ring and publishes it; 0 (and a drop) when there is no room. */
static int record(uint64_t handle, int op, int call, uint64_t requested, uint64_t transferred, DWORD status,
		const struct segment *segments, int count)
{
	unsigned char *v = view;
	if (v == NULL) {
		return 0;
	}
	uint64_t cap = op == OP_INFO ? 4096u : *u32(v, H_CAP); /* a handle's name is never cut */
	uint64_t stored = 0;
	for (int i = 0; i < count; i++) {
		stored += segments[i].size;
	}
	if (stored > cap) {
		stored = cap;
	}
	AcquireSRWLockExclusive(&ring_lock);
	uint32_t slots = *u32(v, H_SLOTS);
	uint64_t size = *u64(v, H_DATA_SIZE);
	uint64_t write = *u64(v, H_WRITE);
	uint64_t read = __atomic_load_n(u64(v, H_READ), __ATOMIC_ACQUIRE);
	uint64_t head = *u64(v, H_HEAD);
	uint64_t tail = __atomic_load_n(u64(v, H_TAIL), __ATOMIC_ACQUIRE);
	uint64_t need = (stored + 7u) & ~(uint64_t)7u;
	uint64_t position = head % size;
	uint64_t skip = position + need > size ? size - position : 0;
	if (write - read >= slots || head + skip + need - tail > size) {
		ReleaseSRWLockExclusive(&ring_lock);
		if (op != OP_INFO) { /* an announcement is not a transfer: the next call on the handle retries it */
			__atomic_add_fetch(u64(v, H_DROPPED), 1, __ATOMIC_RELEASE);
		}
		return 0;
	}
	uint64_t start = head + skip;
	unsigned char *slot = v + HEADER_SIZE + (size_t)(write % slots) * SLOT_SIZE;
	unsigned char *payload = v + HEADER_SIZE + (size_t)slots * SLOT_SIZE + start % size;
	uint64_t left = stored;
	for (int i = 0; i < count && left > 0; i++) {
		uint64_t n = segments[i].size < left ? segments[i].size : left;
		memcpy(payload, segments[i].data, (size_t)n);
		payload += n;
		left -= n;
	}
	*u64(slot, S_TIME) = now_micros();
	*u64(slot, S_HANDLE) = handle;
	*u32(slot, S_TID) = GetCurrentThreadId();
	*(uint16_t *)(slot + S_OP) = (uint16_t)op;
	*(uint16_t *)(slot + S_CALL) = (uint16_t)call;
	*u64(slot, S_REQUESTED) = requested;
	*u64(slot, S_TRANSFERRED) = transferred;
	*u32(slot, S_STATUS) = status;
	*u32(slot, S_STORED) = (uint32_t)stored;
	*u64(slot, S_DATA_START) = start;
	*u64(v, H_HEAD) = start + need;
	__atomic_store_n(u64(v, H_WRITE), write + 1, __ATOMIC_RELEASE);
	__atomic_store_n(u64(slot, S_SEQ), write + 1, __ATOMIC_RELEASE);
	ReleaseSRWLockExclusive(&ring_lock);
	return 1;
}

/* ---------- which handles are wanted ---------- */

#define CACHE_SIZE 1024
struct cached {
	uint64_t handle;
	int kind;      /* 0 unknown, -1 not wanted, else a KIND_ */
	int announced; /* its info record is in the ring */
};
static struct cached cache[CACHE_SIZE];

static struct cached *slot_of(uint64_t handle, int create)
{
	uint32_t start = (uint32_t)((handle >> 2) * 2654435761u) % CACHE_SIZE;
	for (uint32_t i = 0; i < CACHE_SIZE; i++) {
		struct cached *c = &cache[(start + i) % CACHE_SIZE];
		if (c->handle == handle && c->kind != 0) {
			return c;
		}
		if (c->kind == 0) {
			if (!create) {
				return NULL;
			}
			c->handle = handle;
			return c;
		}
	}
	return NULL;
}

static wchar_t lower(wchar_t c)
{
	return c >= L'A' && c <= L'Z' ? (wchar_t)(c + 32) : c;
}

static int starts_with(const wchar_t *text, uint32_t chars, const wchar_t *prefix)
{
	uint32_t i = 0;
	for (; prefix[i]; i++) {
		if (i >= chars || lower(text[i]) != lower(prefix[i])) {
			return 0;
		}
	}
	return 1;
}

/* The handle's NT name ("\Device\NamedPipe\x") into buffer; its length in characters, 0 if none. */
static uint32_t file_name(HANDLE handle, unsigned char *buffer, ULONG size, const wchar_t **name)
{
	ULONG length = 0;
	if (NtQueryObject(handle, 1 /* ObjectNameInformation */, buffer, size, &length) < 0) {
		return 0;
	}
	NAME_STRING *string = (NAME_STRING *)buffer;
	*name = string->Buffer;
	return string->Buffer == NULL ? 0 : string->Length / 2;
}

static int file_kind(HANDLE handle)
{
	unsigned char buffer[2048];
	const wchar_t *name = NULL;
	uint32_t chars = file_name(handle, buffer, sizeof buffer, &name);
	int kind = chars == 0 ? -1
			: starts_with(name, chars, L"\\Device\\NamedPipe\\") ? KIND_PIPE
			: starts_with(name, chars, L"\\Device\\Mailslot\\") ? KIND_MAILSLOT : -1;
	if (kind > 0 && filter_chars > 0) {
		if (chars != filter_chars) {
			return -1;
		}
		for (uint32_t i = 0; i < chars; i++) {
			if (lower(name[i]) != lower(filter[i])) {
				return -1;
			}
		}
	}
	return kind;
}

static int socket_kind(SOCKET s)
{
	int type = 0;
	int length = sizeof type;
	int error = WSAGetLastError();
	int kind = getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &length) != 0 ? -1
			: type == SOCK_STREAM ? KIND_TCP : type == SOCK_DGRAM ? KIND_UDP : -1;
	WSASetLastError(error);
	return kind;
}

/* Announces the handle with an info record: its kind, then its NT name or its two addresses. */
static void announce(uint64_t handle, int kind)
{
	unsigned char info[4 + 1024];
	struct segment segment = { info, 4 };
	*u32(info, 0) = (uint32_t)kind;
	if (kind == KIND_PIPE || kind == KIND_MAILSLOT) {
		const wchar_t *name = NULL;
		unsigned char buffer[1040];
		uint32_t chars = file_name((HANDLE)(uintptr_t)handle, buffer, sizeof buffer, &name);
		if (chars > 512) {
			chars = 512;
		}
		memcpy(info + 4, name, chars * 2u);
		segment.size += chars * 2u;
	} else {
		int error = WSAGetLastError();
		memset(info + 4, 0, 2 * 28);
		int length = 28;
		getsockname((SOCKET)handle, (struct sockaddr *)(info + 4), &length);
		length = 28;
		getpeername((SOCKET)handle, (struct sockaddr *)(info + 4 + 28), &length);
		WSASetLastError(error);
		segment.size += 2 * 28;
	}
	if (record(handle, OP_INFO, 0, 0, segment.size, 0, &segment, 1)) {
		AcquireSRWLockExclusive(&cache_lock);
		struct cached *c = slot_of(handle, 0);
		if (c != NULL) {
			c->announced = 1;
		}
		ReleaseSRWLockExclusive(&cache_lock);
	}
}

/* @return the handle's kind if its calls are to be recorded (announcing it first), else 0 */
static int wanted(uint64_t handle, int is_socket)
{
	if (!active || handle == 0 || handle == (uint64_t)(intptr_t)-1) {
		return 0;
	}
	AcquireSRWLockShared(&cache_lock);
	struct cached *c = slot_of(handle, 0);
	int kind = c == NULL ? 0 : c->kind;
	int announced = c == NULL ? 0 : c->announced;
	ReleaseSRWLockShared(&cache_lock);
	if (kind == 0) {
		DWORD error = GetLastError();
		kind = is_socket ? socket_kind((SOCKET)handle) : file_kind((HANDLE)(uintptr_t)handle);
		SetLastError(error);
		if (kind > 0 && kinds_wanted != 0 && (kind & (int)kinds_wanted) == 0) {
			kind = -1;
		}
		AcquireSRWLockExclusive(&cache_lock);
		c = slot_of(handle, 1);
		if (c != NULL) {
			c->kind = kind;
		}
		ReleaseSRWLockExclusive(&cache_lock);
	}
	if (kind < 0) {
		return 0;
	}
	if (!announced) {
		announce(handle, kind);
	}
	return kind;
}

/* The handle was closed: forget it (its value may come back for another object). */
static void forget(uint64_t handle)
{
	AcquireSRWLockExclusive(&cache_lock);
	struct cached *c = slot_of(handle, 0);
	if (c != NULL) {
		c->kind = -1;
		c->handle = (uint64_t)(intptr_t)-2; /* a tombstone: keeps the probe chains of the others intact */
	}
	ReleaseSRWLockExclusive(&cache_lock);
}

/* ---------- overlapped I/O in flight ---------- */

#define PENDING_SIZE 1024
struct pending {
	void *overlapped;
	uint64_t handle;
	void *buffer;
	uint64_t requested;
	int op;
	int call;
	LPOVERLAPPED_COMPLETION_ROUTINE routine; /* the caller's, for ReadFileEx/WriteFileEx */
};
static struct pending pendings[PENDING_SIZE];

static int pending_add(void *overlapped, uint64_t handle, void *buffer, uint64_t requested, int op, int call,
		LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	int added = 0;
	AcquireSRWLockExclusive(&pending_lock);
	struct pending *free_entry = NULL;
	for (int i = 0; i < PENDING_SIZE; i++) {
		if (pendings[i].overlapped == overlapped && pendings[i].routine == NULL) {
			free_entry = &pendings[i]; /* the same OVERLAPPED reused: the older I/O was seen elsewhere */
			break;
		}
		if (pendings[i].overlapped == NULL && free_entry == NULL) {
			free_entry = &pendings[i];
		}
	}
	if (free_entry != NULL) {
		struct pending p = { overlapped, handle, buffer, requested, op, call, routine };
		*free_entry = p;
		added = 1;
	}
	ReleaseSRWLockExclusive(&pending_lock);
	return added;
}

/* Takes the entry of this OVERLAPPED: those with a routine only for the routine's trampoline. */
static int pending_take(void *overlapped, int with_routine, struct pending *out)
{
	int found = 0;
	if (overlapped == NULL) {
		return 0;
	}
	AcquireSRWLockExclusive(&pending_lock);
	for (int i = 0; i < PENDING_SIZE; i++) {
		if (pendings[i].overlapped == overlapped && (pendings[i].routine != NULL) == with_routine) {
			*out = pendings[i];
			pendings[i].overlapped = NULL;
			pendings[i].routine = NULL;
			found = 1;
			break;
		}
	}
	ReleaseSRWLockExclusive(&pending_lock);
	return found;
}

static void complete(const struct pending *p, BOOL ok, DWORD error, DWORD transferred)
{
	struct segment segment = { p->buffer, p->op == OP_READ || p->op == OP_WRITE ? transferred : 0 };
	record(p->handle, p->op, p->call, p->requested, ok ? transferred : 0, ok ? 0 : error, &segment, ok ? 1 : 0);
}

/* ---------- the hooks ---------- */

#define ENTER() __atomic_add_fetch(&inflight, 1, __ATOMIC_ACQ_REL)
#define LEAVE() __atomic_sub_fetch(&inflight, 1, __ATOMIC_ACQ_REL)

static BOOL WINAPI hook_ReadFile(HANDLE h, LPVOID buffer, DWORD size, LPDWORD read, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = ReadFile(h, buffer, size, read, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0)) {
		if (!ok && error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, buffer, size, OP_READ, C_READFILE, NULL);
		} else {
			DWORD n = !ok ? 0 : read != NULL ? *read : overlapped != NULL ? (DWORD)overlapped->InternalHigh : 0;
			struct segment segment = { buffer, n };
			record((uint64_t)(uintptr_t)h, OP_READ, C_READFILE, size, n, error, &segment, 1);
		}
		SetLastError(error);
	}
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_WriteFile(HANDLE h, LPCVOID buffer, DWORD size, LPDWORD written, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = WriteFile(h, buffer, size, written, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0)) {
		if (!ok && error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, (void *)buffer, size, OP_WRITE, C_WRITEFILE, NULL);
		} else {
			DWORD n = !ok ? 0 : written != NULL ? *written : overlapped != NULL ? (DWORD)overlapped->InternalHigh : 0;
			struct segment segment = { buffer, n };
			record((uint64_t)(uintptr_t)h, OP_WRITE, C_WRITEFILE, size, n, error, &segment, 1);
		}
		SetLastError(error);
	}
	LEAVE();
	return ok;
}

/* Runs instead of the caller's completion routine: records, then calls it. */
static VOID WINAPI completion(DWORD error, DWORD transferred, LPOVERLAPPED overlapped)
{
	ENTER();
	struct pending p;
	if (pending_take(overlapped, 1, &p)) {
		if (active) {
			complete(&p, error == 0, error, transferred);
		}
		__atomic_sub_fetch(&routines, 1, __ATOMIC_ACQ_REL);
		p.routine(error, transferred, overlapped);
	}
	LEAVE();
}

static BOOL ex_call(int write, HANDLE h, LPVOID buffer, DWORD size, LPOVERLAPPED overlapped,
		LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	ENTER();
	int kind = routine != NULL ? wanted((uint64_t)(uintptr_t)h, 0) : 0;
	int call = write ? C_WRITEFILEEX : C_READFILEEX;
	int op = write ? OP_WRITE : OP_READ;
	LPOVERLAPPED_COMPLETION_ROUTINE used = routine;
	if (kind) {
		__atomic_add_fetch(&routines, 1, __ATOMIC_ACQ_REL);
		if (pending_add(overlapped, (uint64_t)(uintptr_t)h, buffer, size, op, call, routine)) {
			used = completion;
		} else {
			__atomic_sub_fetch(&routines, 1, __ATOMIC_ACQ_REL);
		}
	}
	BOOL ok = write ? WriteFileEx(h, buffer, size, overlapped, used) : ReadFileEx(h, buffer, size, overlapped, used);
	DWORD error = ok ? 0 : GetLastError();
	if (!ok && used == completion) {
		struct pending p;
		if (pending_take(overlapped, 1, &p)) {
			__atomic_sub_fetch(&routines, 1, __ATOMIC_ACQ_REL);
		}
		record((uint64_t)(uintptr_t)h, op, call, size, 0, error, NULL, 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_ReadFileEx(HANDLE h, LPVOID buffer, DWORD size, LPOVERLAPPED overlapped,
		LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	return ex_call(0, h, buffer, size, overlapped, routine);
}

static BOOL WINAPI hook_WriteFileEx(HANDLE h, LPCVOID buffer, DWORD size, LPOVERLAPPED overlapped,
		LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	return ex_call(1, h, (LPVOID)buffer, size, overlapped, routine);
}

static BOOL WINAPI hook_GetOverlappedResult(HANDLE h, LPOVERLAPPED overlapped, LPDWORD transferred, BOOL wait)
{
	ENTER();
	BOOL ok = GetOverlappedResult(h, overlapped, transferred, wait);
	DWORD error = ok ? 0 : GetLastError();
	struct pending p;
	if ((ok || error != ERROR_IO_INCOMPLETE) && pending_take(overlapped, 0, &p) && active) {
		complete(&p, ok, error, ok ? *transferred : 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_GetQueuedCompletionStatus(HANDLE port, LPDWORD transferred, PULONG_PTR key,
		LPOVERLAPPED *overlapped, DWORD milliseconds)
{
	ENTER();
	BOOL ok = GetQueuedCompletionStatus(port, transferred, key, overlapped, milliseconds);
	DWORD error = ok ? 0 : GetLastError();
	struct pending p;
	if (overlapped != NULL && *overlapped != NULL && pending_take(*overlapped, 0, &p) && active) {
		complete(&p, ok, error, *transferred);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_GetQueuedCompletionStatusEx(HANDLE port, LPOVERLAPPED_ENTRY entries, ULONG count,
		PULONG removed, DWORD milliseconds, BOOL alertable)
{
	ENTER();
	BOOL ok = GetQueuedCompletionStatusEx(port, entries, count, removed, milliseconds, alertable);
	DWORD error = ok ? 0 : GetLastError();
	if (ok) {
		for (ULONG i = 0; i < *removed; i++) {
			struct pending p;
			if (pending_take(entries[i].lpOverlapped, 0, &p) && active) {
				/* Internal holds the NTSTATUS: success codes are below 0x80000000 */
				BOOL done = (LONG)entries[i].Internal >= 0;
				complete(&p, done, done ? 0 : RtlNtStatusToDosError((LONG)entries[i].Internal),
						entries[i].dwNumberOfBytesTransferred);
			}
		}
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_TransactNamedPipe(HANDLE h, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size,
		LPDWORD read, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = TransactNamedPipe(h, in, in_size, out, out_size, read, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0) && (ok || error == ERROR_MORE_DATA || error == ERROR_IO_PENDING)) {
		struct segment written = { in, in_size };
		record((uint64_t)(uintptr_t)h, OP_WRITE, C_TRANSACTNAMEDPIPE, in_size, in_size, 0, &written, 1);
		if (error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, out, out_size, OP_READ, C_TRANSACTNAMEDPIPE, NULL);
		} else {
			DWORD n = read != NULL ? *read : 0;
			struct segment got = { out, n };
			record((uint64_t)(uintptr_t)h, OP_READ, C_TRANSACTNAMEDPIPE, out_size, n, error, &got, 1);
		}
	} else if (!ok && wanted((uint64_t)(uintptr_t)h, 0)) {
		record((uint64_t)(uintptr_t)h, OP_WRITE, C_TRANSACTNAMEDPIPE, in_size, 0, error, NULL, 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

/* CallNamedPipe opens, transacts and closes inside kernel32: recorded on handle 0 with the name announced. */
static void call_named_pipe(const wchar_t *name, uint32_t chars, LPVOID in, DWORD in_size, LPVOID out,
		DWORD out_size, BOOL ok, DWORD error, DWORD read)
{
	static const wchar_t prefix[] = L"\\Device\\NamedPipe\\";
	unsigned char info[4 + 2 * 1100];
	uint32_t at = 4;
	*u32(info, 0) = KIND_PIPE;
	/* \\.\pipe\x -> \Device\NamedPipe\x, the form the handles' names have */
	uint32_t skip = chars > 9 && starts_with(name, chars, L"\\\\.\\pipe\\") ? 9 : 0;
	for (const wchar_t *p = prefix; *p; p++, at += 2) {
		*(wchar_t *)(info + at) = *p;
	}
	for (uint32_t i = skip; i < chars && at < sizeof info - 1; i++, at += 2) {
		*(wchar_t *)(info + at) = name[i];
	}
	if ((kinds_wanted != 0 && !(kinds_wanted & KIND_PIPE))) {
		return;
	}
	if (filter_chars > 0) {
		if ((at - 4) / 2 != filter_chars) {
			return;
		}
		for (uint32_t i = 0; i < filter_chars; i++) {
			if (lower(((wchar_t *)(info + 4))[i]) != lower(filter[i])) {
				return;
			}
		}
	}
	struct segment segment = { info, at };
	record(0, OP_INFO, 0, 0, at, 0, &segment, 1);
	record(0, OP_CONNECT, C_CALLNAMEDPIPE, 0, 0, ok || error == ERROR_MORE_DATA ? 0 : error, NULL, 0);
	if (ok || error == ERROR_MORE_DATA) {
		struct segment written = { in, in_size };
		struct segment got = { out, read };
		record(0, OP_WRITE, C_CALLNAMEDPIPE, in_size, in_size, 0, &written, 1);
		record(0, OP_READ, C_CALLNAMEDPIPE, out_size, read, error, &got, 1);
	}
}

static BOOL WINAPI hook_CallNamedPipeW(LPCWSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size,
		LPDWORD read, DWORD timeout)
{
	ENTER();
	BOOL ok = CallNamedPipeW(name, in, in_size, out, out_size, read, timeout);
	DWORD error = ok ? 0 : GetLastError();
	if (active && name != NULL) {
		uint32_t chars = 0;
		while (name[chars] && chars < 1000) {
			chars++;
		}
		call_named_pipe(name, chars, in, in_size, out, out_size, ok, error, read != NULL && (ok || error == ERROR_MORE_DATA) ? *read : 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_CallNamedPipeA(LPCSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size,
		LPDWORD read, DWORD timeout)
{
	ENTER();
	BOOL ok = CallNamedPipeA(name, in, in_size, out, out_size, read, timeout);
	DWORD error = ok ? 0 : GetLastError();
	if (active && name != NULL) {
		wchar_t wide[1001];
		int chars = MultiByteToWideChar(CP_ACP, 0, name, -1, wide, 1001);
		call_named_pipe(wide, chars > 0 ? (uint32_t)chars - 1 : 0, in, in_size, out, out_size, ok, error,
				read != NULL && (ok || error == ERROR_MORE_DATA) ? *read : 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_ConnectNamedPipe(HANDLE h, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = ConnectNamedPipe(h, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0)) {
		if (error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, NULL, 0, OP_CONNECT, C_CONNECTNAMEDPIPE, NULL);
		} else {
			/* a client that came before the call: connected all the same */
			record((uint64_t)(uintptr_t)h, OP_CONNECT, C_CONNECTNAMEDPIPE, 0, 0,
					error == ERROR_PIPE_CONNECTED ? 0 : error, NULL, 0);
		}
		SetLastError(error);
	}
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_DisconnectNamedPipe(HANDLE h)
{
	ENTER();
	int kind = wanted((uint64_t)(uintptr_t)h, 0);
	BOOL ok = DisconnectNamedPipe(h);
	DWORD error = ok ? 0 : GetLastError();
	if (kind) {
		record((uint64_t)(uintptr_t)h, OP_DISCONNECT, C_DISCONNECTNAMEDPIPE, 0, 0, error, NULL, 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static BOOL WINAPI hook_CloseHandle(HANDLE h)
{
	ENTER();
	int kind = 0;
	AcquireSRWLockShared(&cache_lock);
	struct cached *c = slot_of((uint64_t)(uintptr_t)h, 0);
	if (c != NULL && c->kind > 0 && c->announced && active) {
		kind = c->kind;
	}
	ReleaseSRWLockShared(&cache_lock);
	BOOL ok = CloseHandle(h);
	DWORD error = ok ? 0 : GetLastError();
	if (ok) {
		forget((uint64_t)(uintptr_t)h);
	}
	if (kind) {
		record((uint64_t)(uintptr_t)h, OP_CLOSE, C_CLOSEHANDLE, 0, 0, error, NULL, 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

static int socket_done(SOCKET s, int op, int call, uint64_t requested, int result, const void *buffer)
{
	int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
	if (wanted((uint64_t)s, 1) && error != WSAEWOULDBLOCK) {
		uint64_t n = result == SOCKET_ERROR ? 0 : (uint64_t)result;
		struct segment segment = { buffer, n };
		record((uint64_t)s, op, call, requested, n, (DWORD)error, &segment, 1);
		WSASetLastError(error);
	}
	return result;
}

static int WSAAPI hook_send(SOCKET s, const char *buffer, int size, int flags)
{
	ENTER();
	int result = socket_done(s, OP_WRITE, C_SEND, (uint64_t)size, send(s, buffer, size, flags), buffer);
	LEAVE();
	return result;
}

static int WSAAPI hook_recv(SOCKET s, char *buffer, int size, int flags)
{
	ENTER();
	int got = recv(s, buffer, size, flags);
	/* MSG_PEEK leaves the bytes for the next read: like PeekNamedPipe, not a read */
	int result = (flags & MSG_PEEK) ? got : socket_done(s, OP_READ, C_RECV, (uint64_t)size, got, buffer);
	LEAVE();
	return result;
}

static int WSAAPI hook_sendto(SOCKET s, const char *buffer, int size, int flags, const struct sockaddr *to, int length)
{
	ENTER();
	int result = socket_done(s, OP_WRITE, C_SENDTO, (uint64_t)size, sendto(s, buffer, size, flags, to, length), buffer);
	LEAVE();
	return result;
}

static int WSAAPI hook_recvfrom(SOCKET s, char *buffer, int size, int flags, struct sockaddr *from, int *length)
{
	ENTER();
	int got = recvfrom(s, buffer, size, flags, from, length);
	int result = (flags & MSG_PEEK) ? got : socket_done(s, OP_READ, C_RECVFROM, (uint64_t)size, got, buffer);
	LEAVE();
	return result;
}

static int wsa_done(SOCKET s, int op, int call, LPWSABUF buffers, DWORD count, LPDWORD done, int result,
		LPWSAOVERLAPPED overlapped, int peek)
{
	int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
	if (peek || !wanted((uint64_t)s, 1) || error == WSAEWOULDBLOCK) {
		return result;
	}
	uint64_t requested = 0;
	struct segment segments[16];
	int used = 0;
	for (DWORD i = 0; i < count; i++) {
		requested += buffers[i].len;
	}
	if (error == WSA_IO_PENDING) {
		if (count > 0) {
			pending_add(overlapped, (uint64_t)s, buffers[0].buf, buffers[0].len, op, call, NULL);
		}
		WSASetLastError(error);
		return result;
	}
	uint64_t n = result == SOCKET_ERROR ? 0 : done != NULL ? *done : overlapped != NULL ? overlapped->InternalHigh : 0;
	uint64_t left = n;
	for (DWORD i = 0; i < count && used < 16 && left > 0; i++) {
		uint64_t take = buffers[i].len < left ? buffers[i].len : left;
		struct segment segment = { buffers[i].buf, take };
		segments[used++] = segment;
		left -= take;
	}
	record((uint64_t)s, op, call, requested, n, (DWORD)error, segments, used);
	WSASetLastError(error);
	return result;
}

static int WSAAPI hook_WSASend(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
		LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
	ENTER();
	int result = WSASend(s, buffers, count, sent, flags, overlapped, routine);
	result = wsa_done(s, OP_WRITE, C_WSASEND, buffers, count, sent, result, routine == NULL ? overlapped : NULL, 0);
	LEAVE();
	return result;
}

static int WSAAPI hook_WSARecv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received, LPDWORD flags,
		LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
	ENTER();
	int peek = flags != NULL && (*flags & MSG_PEEK);
	int result = WSARecv(s, buffers, count, received, flags, overlapped, routine);
	result = wsa_done(s, OP_READ, C_WSARECV, buffers, count, received, result, routine == NULL ? overlapped : NULL, peek);
	LEAVE();
	return result;
}

static int WSAAPI hook_closesocket(SOCKET s)
{
	ENTER();
	int kind = 0;
	AcquireSRWLockShared(&cache_lock);
	struct cached *c = slot_of((uint64_t)s, 0);
	if (c != NULL && c->kind > 0 && c->announced && active) {
		kind = c->kind;
	}
	ReleaseSRWLockShared(&cache_lock);
	int result = closesocket(s);
	int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
	if (result == 0) {
		forget((uint64_t)s);
	}
	if (kind) {
		record((uint64_t)s, OP_CLOSE, C_CLOSESOCKET, 0, 0, (DWORD)error, NULL, 0);
	}
	WSASetLastError(error);
	LEAVE();
	return result;
}

/* ---------- patching the import tables ---------- */

struct hook {
	const char *module;
	const char *name;
	void *replacement;
	void *original;
};

static FARPROC WINAPI hook_GetProcAddress(HMODULE module, LPCSTR name);
static HMODULE WINAPI hook_LoadLibraryW(LPCWSTR name);
static HMODULE WINAPI hook_LoadLibraryA(LPCSTR name);
static HMODULE WINAPI hook_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags);
static HMODULE WINAPI hook_LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags);

static struct hook hooks[] = {
	{ "kernel32.dll", "ReadFile", hook_ReadFile, NULL },
	{ "kernel32.dll", "WriteFile", hook_WriteFile, NULL },
	{ "kernel32.dll", "ReadFileEx", hook_ReadFileEx, NULL },
	{ "kernel32.dll", "WriteFileEx", hook_WriteFileEx, NULL },
	{ "kernel32.dll", "GetOverlappedResult", hook_GetOverlappedResult, NULL },
	{ "kernel32.dll", "GetQueuedCompletionStatus", hook_GetQueuedCompletionStatus, NULL },
	{ "kernel32.dll", "GetQueuedCompletionStatusEx", hook_GetQueuedCompletionStatusEx, NULL },
	{ "kernel32.dll", "TransactNamedPipe", hook_TransactNamedPipe, NULL },
	{ "kernel32.dll", "CallNamedPipeW", hook_CallNamedPipeW, NULL },
	{ "kernel32.dll", "CallNamedPipeA", hook_CallNamedPipeA, NULL },
	{ "kernel32.dll", "ConnectNamedPipe", hook_ConnectNamedPipe, NULL },
	{ "kernel32.dll", "DisconnectNamedPipe", hook_DisconnectNamedPipe, NULL },
	{ "kernel32.dll", "CloseHandle", hook_CloseHandle, NULL },
	{ "ws2_32.dll", "send", hook_send, NULL },
	{ "ws2_32.dll", "recv", hook_recv, NULL },
	{ "ws2_32.dll", "sendto", hook_sendto, NULL },
	{ "ws2_32.dll", "recvfrom", hook_recvfrom, NULL },
	{ "ws2_32.dll", "WSASend", hook_WSASend, NULL },
	{ "ws2_32.dll", "WSARecv", hook_WSARecv, NULL },
	{ "ws2_32.dll", "closesocket", hook_closesocket, NULL },
	{ "kernel32.dll", "GetProcAddress", hook_GetProcAddress, NULL },
	{ "kernel32.dll", "LoadLibraryW", hook_LoadLibraryW, NULL },
	{ "kernel32.dll", "LoadLibraryA", hook_LoadLibraryA, NULL },
	{ "kernel32.dll", "LoadLibraryExW", hook_LoadLibraryExW, NULL },
	{ "kernel32.dll", "LoadLibraryExA", hook_LoadLibraryExA, NULL },
};
#define HOOKS ((int)(sizeof hooks / sizeof hooks[0]))
/* The hooks from here on serve the patching itself: GetProcAddress hands them out but they record nothing. */
#define FIRST_LOADER_HOOK 20

#define MAX_PATCHES 8192
struct patch {
	void **entry;
	void *original;
};
static struct patch patches[MAX_PATCHES];
static int patch_count;

/* The modules that implement the hooked calls (or forward them) call each other directly. */
static int is_system(const wchar_t *path)
{
	static const wchar_t *const skipped[] = { L"ntdll.dll", L"kernel32.dll", L"kernelbase.dll", L"ws2_32.dll",
		L"mswsock.dll", NULL };
	const wchar_t *file = path;
	for (const wchar_t *p = path; *p; p++) {
		if (*p == L'\\' || *p == L'/') {
			file = p + 1;
		}
	}
	for (int i = 0; skipped[i]; i++) {
		const wchar_t *a = file;
		const wchar_t *b = skipped[i];
		while (*a && *b && lower(*a) == *b) {
			a++;
			b++;
		}
		if (*a == 0 && *b == 0) {
			return 1;
		}
	}
	return 0;
}

static void resolve(void)
{
	for (int i = 0; i < HOOKS; i++) {
		if (hooks[i].original == NULL) {
			HMODULE module = GetModuleHandleA(hooks[i].module);
			hooks[i].original = module == NULL ? NULL : (void *)GetProcAddress(module, hooks[i].name);
		}
	}
}

static void patch_module(HMODULE module)
{
	unsigned char *base = (unsigned char *)module;
	IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)base;
	if (dos->e_magic != IMAGE_DOS_SIGNATURE) {
		return;
	}
	IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(base + dos->e_lfanew);
	if (nt->Signature != IMAGE_NT_SIGNATURE || nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC) {
		return;
	}
	IMAGE_DATA_DIRECTORY directory = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
	if (directory.VirtualAddress == 0) {
		return;
	}
	for (IMAGE_IMPORT_DESCRIPTOR *d = (IMAGE_IMPORT_DESCRIPTOR *)(base + directory.VirtualAddress); d->Name != 0; d++) {
		for (void **entry = (void **)(base + d->FirstThunk); *entry != NULL; entry++) {
			for (int i = 0; i < HOOKS; i++) {
				if (hooks[i].original == NULL || *entry != hooks[i].original || patch_count >= MAX_PATCHES) {
					continue;
				}
				DWORD old;
				if (VirtualProtect(entry, sizeof *entry, PAGE_READWRITE, &old)) {
					patches[patch_count].entry = entry;
					patches[patch_count].original = *entry;
					patch_count++;
					__atomic_store_n(entry, hooks[i].replacement, __ATOMIC_RELEASE);
					VirtualProtect(entry, sizeof *entry, old, &old);
				}
				break;
			}
		}
	}
}

static void patch_all(void)
{
	static HMODULE modules[1024];
	static wchar_t path[MAX_PATH];
	DWORD needed = 0;
	AcquireSRWLockExclusive(&patch_lock);
	if (active) {
		resolve();
		if (K32EnumProcessModules(GetCurrentProcess(), modules, sizeof modules, &needed)) {
			DWORD count = needed / sizeof modules[0];
			for (DWORD i = 0; i < count && i < 1024; i++) {
				if (modules[i] == self || GetModuleFileNameW(modules[i], path, MAX_PATH) == 0 || is_system(path)) {
					continue;
				}
				patch_module(modules[i]);
			}
		}
		*u32(view, H_PATCHED) = (uint32_t)patch_count;
	}
	ReleaseSRWLockExclusive(&patch_lock);
}

static void unpatch_all(void)
{
	AcquireSRWLockExclusive(&patch_lock);
	for (int i = patch_count - 1; i >= 0; i--) {
		void **entry = patches[i].entry;
		DWORD old;
		if (VirtualProtect(entry, sizeof *entry, PAGE_READWRITE, &old)) {
			for (int h = 0; h < HOOKS; h++) {
				if (*entry == hooks[h].replacement) {
					__atomic_store_n(entry, patches[i].original, __ATOMIC_RELEASE);
					break;
				}
			}
			VirtualProtect(entry, sizeof *entry, old, &old);
		}
	}
	patch_count = 0;
	ReleaseSRWLockExclusive(&patch_lock);
}

/*
 * A loop that started before the capture may hold ReadFile's address in a register (compilers
 * hoist the import table load out of loops) or, while it waits inside the call, saved on its
 * stack: those copies are switched to the hook (and back at stop) in every other thread, each
 * suspended meanwhile. A value equal to a function's entry is never a return address, so only
 * such copies match. Nothing that takes a lock runs while a thread is suspended.
 */
static CONTEXT context __attribute__((aligned(16)));

static uint64_t switched(uint64_t value, int to_hooks)
{
	for (int i = 0; i < HOOKS; i++) {
		void *from = to_hooks ? hooks[i].original : hooks[i].replacement;
		if (from != NULL && value == (uint64_t)(uintptr_t)from) {
			return (uint64_t)(uintptr_t)(to_hooks ? hooks[i].replacement : hooks[i].original);
		}
	}
	return value;
}

static int retarget_thread(HANDLE thread, int to_hooks)
{
	int changed = 0;
	struct {
		LONG status;
		PVOID teb;
		uintptr_t rest[4];
	} basic;
	if (NtQueryInformationThread(thread, 0 /* ThreadBasicInformation */, &basic, sizeof basic, NULL) < 0
			|| basic.teb == NULL || SuspendThread(thread) == (DWORD)-1) {
		return 0;
	}
	context.ContextFlags = CONTEXT_INTEGER | CONTEXT_CONTROL;
	if (GetThreadContext(thread, &context)) {
		DWORD64 *registers[] = { &context.Rax, &context.Rbx, &context.Rcx, &context.Rdx, &context.Rbp, &context.Rsi,
			&context.Rdi, &context.R8, &context.R9, &context.R10, &context.R11, &context.R12, &context.R13,
			&context.R14, &context.R15 };
		int in_registers = 0;
		for (unsigned i = 0; i < sizeof registers / sizeof registers[0]; i++) {
			uint64_t now = switched(*registers[i], to_hooks);
			if (now != *registers[i]) {
				*registers[i] = now;
				in_registers++;
			}
		}
		if (in_registers > 0 && SetThreadContext(thread, &context)) {
			changed += in_registers;
		}
		NT_TIB *tib = (NT_TIB *)basic.teb;
		uint64_t *low = (uint64_t *)(uintptr_t)(context.Rsp & ~(DWORD64)7);
		uint64_t *high = (uint64_t *)tib->StackBase;
		if ((void *)low >= tib->StackLimit && low < high) {
			for (uint64_t *p = low; p < high; p++) {
				uint64_t now = switched(*p, to_hooks);
				if (now != *p) {
					*p = now;
					changed++;
				}
			}
		}
	}
	ResumeThread(thread);
	return changed;
}

static int retarget(int to_hooks)
{
	int changed = 0;
	HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
	if (snapshot == INVALID_HANDLE_VALUE) {
		return 0;
	}
	THREADENTRY32 entry;
	entry.dwSize = sizeof entry;
	DWORD self_pid = GetCurrentProcessId();
	DWORD self_tid = GetCurrentThreadId();
	for (BOOL more = Thread32First(snapshot, &entry); more; more = Thread32Next(snapshot, &entry)) {
		if (entry.th32OwnerProcessID != self_pid || entry.th32ThreadID == self_tid) {
			continue;
		}
		HANDLE thread = OpenThread(THREAD_SUSPEND_RESUME | THREAD_GET_CONTEXT | THREAD_SET_CONTEXT
				| THREAD_QUERY_INFORMATION, FALSE, entry.th32ThreadID);
		if (thread != NULL) {
			changed += retarget_thread(thread, to_hooks);
			CloseHandle(thread);
		}
	}
	CloseHandle(snapshot);
	return changed;
}

/* Late binders get the hook too; once one has it, the DLL may never unload. */
static FARPROC WINAPI hook_GetProcAddress(HMODULE module, LPCSTR name)
{
	ENTER();
	FARPROC found = GetProcAddress(module, name);
	if (active && found != NULL) {
		for (int i = 0; i < FIRST_LOADER_HOOK; i++) {
			if ((void *)found == hooks[i].original) {
				__atomic_store_n(&handed_out, 1, __ATOMIC_RELEASE);
				found = (FARPROC)hooks[i].replacement;
				break;
			}
		}
	}
	LEAVE();
	return found;
}

/* A module loaded later (ws2_32 itself, a plug-in) has its imports bound now: patch it too. */
static HMODULE loaded(HMODULE module)
{
	if (module != NULL && active) {
		DWORD error = GetLastError();
		patch_all();
		SetLastError(error);
	}
	return module;
}

static HMODULE WINAPI hook_LoadLibraryW(LPCWSTR name)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryW(name));
	LEAVE();
	return module;
}

static HMODULE WINAPI hook_LoadLibraryA(LPCSTR name)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryA(name));
	LEAVE();
	return module;
}

static HMODULE WINAPI hook_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryExW(name, file, flags));
	LEAVE();
	return module;
}

static HMODULE WINAPI hook_LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryExA(name, file, flags));
	LEAVE();
	return module;
}

/* ---------- start and stop ---------- */

static void section_name(wchar_t *out, DWORD pid, DWORD nonce)
{
	static const wchar_t prefix[] = L"Local\\ipcscope-capture-";
	static const char digits[] = "0123456789abcdef";
	uint64_t values[2] = { pid, nonce };
	int at = 0;
	for (const wchar_t *p = prefix; *p; p++) {
		out[at++] = *p;
	}
	for (int v = 0; v < 2; v++) {
		wchar_t reversed[17];
		int n = 0;
		uint64_t value = values[v];
		unsigned radix = v == 0 ? 10 : 16;
		do {
			reversed[n++] = (wchar_t)digits[value % radix];
			value /= radix;
		} while (value != 0);
		while (n > 0) {
			out[at++] = reversed[--n];
		}
		if (v == 0) {
			out[at++] = L'-';
		}
	}
	out[at] = 0;
}

static void finish(uint32_t state)
{
	__atomic_store_n(u32(view, H_STATE), state, __ATOMIC_RELEASE);
	AcquireSRWLockExclusive(&ring_lock);
	unsigned char *v = view;
	view = NULL;
	ReleaseSRWLockExclusive(&ring_lock);
	UnmapViewOfFile(v);
	CloseHandle(mapping);
	mapping = NULL;
	if (capturer != NULL) {
		CloseHandle(capturer);
		capturer = NULL;
	}
}

/* Waits for the stop flag or the end of IPC Scope's process, then undoes everything. */
static DWORD WINAPI watchdog(LPVOID unused)
{
	(void)unused;
	while (!__atomic_load_n(u32(view, H_STOP), __ATOMIC_ACQUIRE)) {
		if (capturer != NULL) {
			if (WaitForSingleObject(capturer, 10) != WAIT_TIMEOUT) {
				break; /* IPC Scope is gone: nobody reads the ring any more */
			}
		} else {
			Sleep(10);
		}
	}
	__atomic_store_n(&active, 0, __ATOMIC_RELEASE);
	unpatch_all();
	retarget(0);
	if (__atomic_load_n(&handed_out, __ATOMIC_ACQUIRE)) {
		finish(STATE_PINNED);
		__atomic_store_n(&watching, 0, __ATOMIC_RELEASE);
		return 0;
	}
	/* a call blocked in a hook (a ReadFile waiting for data, on any handle) may stay there for long */
	__atomic_store_n(u32(view, H_STATE), STATE_DRAINING, __ATOMIC_RELEASE);
	while (__atomic_load_n(&inflight, __ATOMIC_ACQUIRE) > 0 || __atomic_load_n(&routines, __ATOMIC_ACQUIRE) > 0) {
		Sleep(10);
	}
	finish(STATE_UNLOADED);
	/* the last hook to leave may still be on its way out of the DLL */
	Sleep(100);
	__atomic_store_n(&watching, 0, __ATOMIC_RELEASE);
	FreeLibraryAndExitThread(self, 0);
	return 0;
}

/* Runs in the target, in a thread IPC Scope created; the thread's exit code is 0 or a Win32 error. */
__declspec(dllexport) DWORD WINAPI capture_start(LPVOID parameter)
{
	if (__atomic_load_n(&watching, __ATOMIC_ACQUIRE)) {
		return ERROR_BUSY; /* an earlier capture is still letting go of this process */
	}
	wchar_t name[64];
	section_name(name, GetCurrentProcessId(), (DWORD)(uintptr_t)parameter);
	mapping = OpenFileMappingW(FILE_MAP_READ | FILE_MAP_WRITE, FALSE, name);
	if (mapping == NULL) {
		return GetLastError();
	}
	view = MapViewOfFile(mapping, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
	if (view == NULL || *u32(view, H_MAGIC) != MAGIC || *u32(view, H_VERSION) != VERSION) {
		if (view != NULL) {
			UnmapViewOfFile(view);
			view = NULL;
		}
		CloseHandle(mapping);
		return ERROR_INVALID_DATA;
	}
	QueryPerformanceFrequency(&frequency);
	kinds_wanted = *u32(view, H_KINDS);
	filter_chars = *u32(view, H_FILTER_CHARS);
	if (filter_chars > MAX_FILTER_CHARS) {
		filter_chars = MAX_FILTER_CHARS;
	}
	memcpy(filter, view + H_FILTER, filter_chars * 2u);
	memset(cache, 0, sizeof cache);
	memset(pendings, 0, sizeof pendings);
	capturer = OpenProcess(SYNCHRONIZE, FALSE, (DWORD)*u64(view, H_CAPTURER_PID));
	if (capturer == NULL) {
		DWORD error = GetLastError();
		finish(STATE_FAILED);
		return error;
	}
	*u64(view, H_TARGET_PID) = GetCurrentProcessId();
	__atomic_store_n(&watching, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&active, 1, __ATOMIC_RELEASE);
	patch_all();
	*u32(view, H_RETARGETED) = (uint32_t)retarget(1);
	HANDLE thread = CreateThread(NULL, 0, watchdog, NULL, 0, NULL);
	if (thread == NULL) {
		DWORD error = GetLastError();
		__atomic_store_n(&active, 0, __ATOMIC_RELEASE);
		unpatch_all();
		finish(STATE_FAILED);
		__atomic_store_n(&watching, 0, __ATOMIC_RELEASE);
		return error;
	}
	/* from here the watchdog owns the reference LoadLibraryW took: its FreeLibraryAndExitThread drops it */
	CloseHandle(thread);
	__atomic_store_n(u32(view, H_STATE), STATE_ATTACHED, __ATOMIC_RELEASE);
	return 0;
}

int WINAPI DllMainCRTStartup(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)reserved;
	if (reason == DLL_PROCESS_ATTACH) {
		self = instance;
		DisableThreadLibraryCalls(instance);
	}
	return TRUE;
}
