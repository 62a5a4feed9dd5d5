/* Which handles are wanted: kind and name found once per handle, announced to the reader. */
#include "capture.h"

struct cached cache[CACHE_SIZE];

struct cached *slot_of(uint64_t handle, int create)
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

wchar_t lower(wchar_t c)
{
	return c >= L'A' && c <= L'Z' ? (wchar_t)(c + 32) : c;
}

int starts_with(const wchar_t *text, uint32_t chars, const wchar_t *prefix)
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
/*
 * Names of pipes and mailslots the program opened while captured, from the path it gave
 * CreateFile: Wine 8 gives a mailslot's client handle no name.
 */
#define OPENED_SIZE 64
#define OPENED_CHARS 260
struct opened {
	uint64_t handle;
	uint32_t chars;
	wchar_t name[OPENED_CHARS];
};
static struct opened opened[OPENED_SIZE];

void remember_name(uint64_t handle, const wchar_t *path)
{
	static const wchar_t *const from[] = {L"\\\\.\\pipe\\", L"\\\\.\\mailslot\\"};
	static const wchar_t *const to[] = {L"\\Device\\NamedPipe\\", L"\\Device\\Mailslot\\"};
	uint32_t length = 0;
	while (path[length] && length < OPENED_CHARS) {
		length++;
	}
	for (int k = 0; k < 2; k++) {
		uint32_t skip = 0;
		while (from[k][skip]) {
			skip++;
		}
		if (!starts_with(path, length, from[k])) {
			continue;
		}
		AcquireSRWLockExclusive(&cache_lock);
		struct opened *free_entry = NULL;
		for (int i = 0; i < OPENED_SIZE; i++) {
			if (opened[i].handle == handle || (free_entry == NULL && opened[i].handle == 0)) {
				free_entry = &opened[i];
			}
		}
		if (free_entry == NULL) {
			free_entry = &opened[handle % OPENED_SIZE];
		}
		uint32_t at = 0;
		for (const wchar_t *p = to[k]; *p; p++) {
			free_entry->name[at++] = *p;
		}
		for (uint32_t i = skip; i < length && at < OPENED_CHARS; i++) {
			free_entry->name[at++] = path[i];
		}
		free_entry->chars = at;
		free_entry->handle = handle;
		ReleaseSRWLockExclusive(&cache_lock);
		return;
	}
}

/* The handle's NT name ("\Device\NamedPipe\x") into buffer; its length in characters, 0 if none. */
uint32_t file_name(HANDLE handle, unsigned char *buffer, ULONG size, const wchar_t **name)
{
	ULONG length = 0;
	NAME_STRING *string = (NAME_STRING *)buffer;
	if (NtQueryObject(handle, 1 /* ObjectNameInformation */, buffer, size, &length) >= 0 && string->Buffer != NULL &&
	        string->Length > 0) {
		*name = string->Buffer;
		return string->Length / 2;
	}
	uint32_t chars = 0;
	AcquireSRWLockShared(&cache_lock);
	for (int i = 0; i < OPENED_SIZE; i++) {
		if (opened[i].handle == (uint64_t)(uintptr_t)handle && opened[i].chars * 2u <= size) {
			chars = opened[i].chars;
			memcpy(buffer, opened[i].name, chars * 2u);
			*name = (const wchar_t *)buffer;
			break;
		}
	}
	ReleaseSRWLockShared(&cache_lock);
	return chars;
}

int file_kind(HANDLE handle)
{
	unsigned char buffer[2048];
	const wchar_t *name = NULL;
	uint32_t chars = file_name(handle, buffer, sizeof buffer, &name);
	int kind = chars == 0                                        ? -1
	        : starts_with(name, chars, L"\\Device\\NamedPipe\\") ? KIND_PIPE
	        : starts_with(name, chars, L"\\Device\\Mailslot\\")  ? KIND_MAILSLOT
	                                                             : -1;
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

int socket_kind(SOCKET s)
{
	int type = 0;
	int length = sizeof type;
	int error = WSAGetLastError();
	int kind = getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &length) != 0 ? -1
	        : type == SOCK_STREAM                                              ? KIND_TCP
	        : type == SOCK_DGRAM                                               ? KIND_UDP
	                                                                           : -1;
	WSASetLastError(error);
	return kind;
}

/* Announces the handle with an info record: its kind, then its NT name or its two addresses. */
void announce(uint64_t handle, int kind)
{
	unsigned char info[4 + 1024];
	struct segment segment = {info, 4};
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
int wanted(uint64_t handle, int is_socket)
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
void forget(uint64_t handle)
{
	AcquireSRWLockExclusive(&cache_lock);
	struct cached *c = slot_of(handle, 0);
	if (c != NULL) {
		c->kind = -1;
		c->handle = (uint64_t)(intptr_t)-2; /* a tombstone: keeps the probe chains of the others intact */
	}
	for (int i = 0; i < OPENED_SIZE; i++) {
		if (opened[i].handle == handle) {
			opened[i].handle = 0;
		}
	}
	ReleaseSRWLockExclusive(&cache_lock);
}
