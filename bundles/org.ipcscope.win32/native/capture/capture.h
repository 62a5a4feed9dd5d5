/* ipcscope_capture.dll: what its parts share (see capture.c for the whole). */
#ifndef CAPTURE_H
#define CAPTURE_H
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <windows.h>
#include <tlhelp32.h>
#include <stdint.h>

#define MAGIC 0x54435049u /* "IPCT" */
#define VERSION 1u
#define HEADER_SIZE 1024u
#define SLOT_SIZE 64u
#define REUSE (4u << 20) /* payload bytes after which the writer goes back to the start, see record() */

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
#define H_INFLIGHT 108 /* calls already waiting at start whose return is recorded */
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
#define STATE_UNLOADED 3u /* unhooked, every call out of the hooks: the DLL unloads now */
#define STATE_DRAINING 4u /* unhooked, waiting for the calls inside a hook to leave, then unloads */
#define STATE_PINNED 5u /* unhooked, but a hook address was handed out: stays loaded */

enum op { OP_READ = 1, OP_WRITE, OP_CONNECT, OP_ACCEPT, OP_DISCONNECT, OP_CLOSE, OP_INFO = 100 };
enum kind { KIND_PIPE = 1, KIND_MAILSLOT = 2, KIND_TCP = 4, KIND_UDP = 8 };
enum call {
	C_READFILE = 1,
	C_WRITEFILE,
	C_READFILEEX,
	C_WRITEFILEEX,
	C_GETOVERLAPPEDRESULT,
	C_GQCS,
	C_TRANSACTNAMEDPIPE,
	C_CALLNAMEDPIPE,
	C_CONNECTNAMEDPIPE,
	C_DISCONNECTNAMEDPIPE,
	C_SEND,
	C_RECV,
	C_SENDTO,
	C_RECVFROM,
	C_WSASEND,
	C_WSARECV,
	C_CLOSEHANDLE,
	C_CLOSESOCKET,
	C_GQCSEX
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

static inline uint64_t *u64(unsigned char *base, size_t offset)
{
	return (uint64_t *)(base + offset);
}
static inline uint32_t *u32(unsigned char *base, size_t offset)
{
	return (uint32_t *)(base + offset);
}

extern HMODULE self;
extern unsigned char *view;
extern HANDLE mapping;
extern HANDLE capturer;
extern LARGE_INTEGER frequency;
extern volatile LONG active;
extern volatile LONG inflight;
extern volatile LONG routines;
extern volatile LONG handed_out;
extern volatile LONG watching;
extern SRWLOCK ring_lock;
extern SRWLOCK cache_lock;
extern SRWLOCK pending_lock;
extern SRWLOCK patch_lock;
extern uint32_t kinds_wanted;
extern wchar_t filter[MAX_FILTER_CHARS + 1];
extern uint32_t filter_chars;

struct segment {
	const void *data;
	uint64_t size;
};

#define CACHE_SIZE 1024
struct cached {
	uint64_t handle;
	int kind; /* 0 unknown, -1 not wanted, else a KIND_ */
	int announced; /* its info record is in the ring */
};

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

extern struct cached cache[CACHE_SIZE];
extern struct pending pendings[PENDING_SIZE];

/* every hook counts itself in and out, so that the DLL unloads only when none is running */
#define ENTER() __atomic_add_fetch(&inflight, 1, __ATOMIC_ACQ_REL)
#define LEAVE() __atomic_sub_fetch(&inflight, 1, __ATOMIC_ACQ_REL)

uint64_t now_micros(void);
int record(uint64_t handle, int op, int call, uint64_t requested, uint64_t transferred, DWORD status,
        const struct segment *segments, int count);
struct cached *slot_of(uint64_t handle, int create);
wchar_t lower(wchar_t c);
int starts_with(const wchar_t *text, uint32_t chars, const wchar_t *prefix);
uint32_t file_name(HANDLE handle, unsigned char *buffer, ULONG size, const wchar_t **name);
int file_kind(HANDLE handle);
int socket_kind(SOCKET s);
void announce(uint64_t handle, int kind);
int wanted(uint64_t handle, int is_socket);
void forget(uint64_t handle);
int pending_add(void *overlapped, uint64_t handle, void *buffer, uint64_t requested, int op, int call,
        LPOVERLAPPED_COMPLETION_ROUTINE routine);
int pending_take(void *overlapped, int with_routine, struct pending *out);
void complete(const struct pending *p, BOOL ok, DWORD error, DWORD transferred);
BOOL WINAPI hook_ReadFile(HANDLE h, LPVOID buffer, DWORD size, LPDWORD read, LPOVERLAPPED overlapped);
BOOL WINAPI hook_WriteFile(HANDLE h, LPCVOID buffer, DWORD size, LPDWORD written, LPOVERLAPPED overlapped);
VOID WINAPI completion(DWORD error, DWORD transferred, LPOVERLAPPED overlapped);
BOOL ex_call(int write, HANDLE h, LPVOID buffer, DWORD size, LPOVERLAPPED overlapped,
        LPOVERLAPPED_COMPLETION_ROUTINE routine);
BOOL WINAPI hook_ReadFileEx(
        HANDLE h, LPVOID buffer, DWORD size, LPOVERLAPPED overlapped, LPOVERLAPPED_COMPLETION_ROUTINE routine);
BOOL WINAPI hook_WriteFileEx(
        HANDLE h, LPCVOID buffer, DWORD size, LPOVERLAPPED overlapped, LPOVERLAPPED_COMPLETION_ROUTINE routine);
BOOL WINAPI hook_GetOverlappedResult(HANDLE h, LPOVERLAPPED overlapped, LPDWORD transferred, BOOL wait);
BOOL WINAPI hook_GetQueuedCompletionStatus(
        HANDLE port, LPDWORD transferred, PULONG_PTR key, LPOVERLAPPED *overlapped, DWORD milliseconds);
BOOL WINAPI hook_GetQueuedCompletionStatusEx(
        HANDLE port, LPOVERLAPPED_ENTRY entries, ULONG count, PULONG removed, DWORD milliseconds, BOOL alertable);
BOOL WINAPI hook_TransactNamedPipe(
        HANDLE h, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read, LPOVERLAPPED overlapped);
void call_named_pipe(const wchar_t *name, uint32_t chars, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, BOOL ok,
        DWORD error, DWORD read);
BOOL WINAPI hook_CallNamedPipeW(
        LPCWSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read, DWORD timeout);
BOOL WINAPI hook_CallNamedPipeA(
        LPCSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read, DWORD timeout);
BOOL WINAPI hook_ConnectNamedPipe(HANDLE h, LPOVERLAPPED overlapped);
BOOL WINAPI hook_DisconnectNamedPipe(HANDLE h);
BOOL WINAPI hook_CloseHandle(HANDLE h);
int socket_done(SOCKET s, int op, int call, uint64_t requested, int result, const void *buffer);
int WSAAPI hook_send(SOCKET s, const char *buffer, int size, int flags);
int WSAAPI hook_recv(SOCKET s, char *buffer, int size, int flags);
int WSAAPI hook_sendto(SOCKET s, const char *buffer, int size, int flags, const struct sockaddr *to, int length);
int WSAAPI hook_recvfrom(SOCKET s, char *buffer, int size, int flags, struct sockaddr *from, int *length);
int wsa_done(SOCKET s, int op, int call, LPWSABUF buffers, DWORD count, LPDWORD done, int result,
        LPWSAOVERLAPPED overlapped, int peek);
int WSAAPI hook_WSASend(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags, LPWSAOVERLAPPED overlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);
int WSAAPI hook_WSARecv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received, LPDWORD flags,
        LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);
int WSAAPI hook_closesocket(SOCKET s);
int is_system(const wchar_t *path);
void resolve(void);
void patch_module(HMODULE module);
void patch_all(void);
void unpatch_all(void);
uint64_t switched(uint64_t value, int to_hooks);
int retarget_thread(HANDLE thread, int to_hooks);
int retarget(int to_hooks);
FARPROC WINAPI hook_GetProcAddress(HMODULE module, LPCSTR name);
HMODULE loaded(HMODULE module);
HMODULE WINAPI hook_LoadLibraryW(LPCWSTR name);
HMODULE WINAPI hook_LoadLibraryA(LPCSTR name);
HMODULE WINAPI hook_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags);
HMODULE WINAPI hook_LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags);
extern volatile LONG inflight_waiting;
int inflight_catch(void);
void inflight_release(void);
void section_name(wchar_t *out, DWORD pid, DWORD nonce);
void finish(uint32_t state);
DWORD WINAPI watchdog(LPVOID unused);
void remember_name(uint64_t handle, const wchar_t *path);
HANDLE WINAPI hook_CreateFileW(LPCWSTR path, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES security,
        DWORD disposition, DWORD flags, HANDLE template_file);
HANDLE WINAPI hook_CreateFileA(LPCSTR path, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES security,
        DWORD disposition, DWORD flags, HANDLE template_file);
#endif
