/* The hooks of kernel32 calls on pipes and mailslots. */
#include "capture.h"

BOOL WINAPI hook_ReadFile(HANDLE h, LPVOID buffer, DWORD size, LPDWORD read, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = ReadFile(h, buffer, size, read, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0)) {
		if (!ok && error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, buffer, size, OP_READ, C_READFILE, NULL);
		} else {
			DWORD n = !ok ? 0 : read != NULL ? *read : overlapped != NULL ? (DWORD)overlapped->InternalHigh : 0;
			struct segment segment = {buffer, n};
			record((uint64_t)(uintptr_t)h, OP_READ, C_READFILE, size, n, error, &segment, 1);
		}
		SetLastError(error);
	}
	LEAVE();
	return ok;
}

BOOL WINAPI hook_WriteFile(HANDLE h, LPCVOID buffer, DWORD size, LPDWORD written, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = WriteFile(h, buffer, size, written, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0)) {
		if (!ok && error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, (void *)buffer, size, OP_WRITE, C_WRITEFILE, NULL);
		} else {
			DWORD n = !ok ? 0 : written != NULL ? *written : overlapped != NULL ? (DWORD)overlapped->InternalHigh : 0;
			struct segment segment = {buffer, n};
			record((uint64_t)(uintptr_t)h, OP_WRITE, C_WRITEFILE, size, n, error, &segment, 1);
		}
		SetLastError(error);
	}
	LEAVE();
	return ok;
}

/* Runs instead of the caller's completion routine: records, then calls it. */
VOID WINAPI completion(DWORD error, DWORD transferred, LPOVERLAPPED overlapped)
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

BOOL ex_call(int write, HANDLE h, LPVOID buffer, DWORD size, LPOVERLAPPED overlapped,
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

BOOL WINAPI hook_ReadFileEx(
        HANDLE h, LPVOID buffer, DWORD size, LPOVERLAPPED overlapped, LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	return ex_call(0, h, buffer, size, overlapped, routine);
}

BOOL WINAPI hook_WriteFileEx(
        HANDLE h, LPCVOID buffer, DWORD size, LPOVERLAPPED overlapped, LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	return ex_call(1, h, (LPVOID)buffer, size, overlapped, routine);
}

BOOL WINAPI hook_GetOverlappedResult(HANDLE h, LPOVERLAPPED overlapped, LPDWORD transferred, BOOL wait)
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

BOOL WINAPI hook_GetQueuedCompletionStatus(
        HANDLE port, LPDWORD transferred, PULONG_PTR key, LPOVERLAPPED *overlapped, DWORD milliseconds)
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

BOOL WINAPI hook_GetQueuedCompletionStatusEx(
        HANDLE port, LPOVERLAPPED_ENTRY entries, ULONG count, PULONG removed, DWORD milliseconds, BOOL alertable)
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

BOOL WINAPI hook_TransactNamedPipe(
        HANDLE h, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read, LPOVERLAPPED overlapped)
{
	ENTER();
	BOOL ok = TransactNamedPipe(h, in, in_size, out, out_size, read, overlapped);
	DWORD error = ok ? 0 : GetLastError();
	if (wanted((uint64_t)(uintptr_t)h, 0) && (ok || error == ERROR_MORE_DATA || error == ERROR_IO_PENDING)) {
		struct segment written = {in, in_size};
		record((uint64_t)(uintptr_t)h, OP_WRITE, C_TRANSACTNAMEDPIPE, in_size, in_size, 0, &written, 1);
		if (error == ERROR_IO_PENDING) {
			pending_add(overlapped, (uint64_t)(uintptr_t)h, out, out_size, OP_READ, C_TRANSACTNAMEDPIPE, NULL);
		} else {
			DWORD n = read != NULL ? *read : 0;
			struct segment got = {out, n};
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
void call_named_pipe(const wchar_t *name, uint32_t chars, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, BOOL ok,
        DWORD error, DWORD read)
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
	struct segment segment = {info, at};
	record(0, OP_INFO, 0, 0, at, 0, &segment, 1);
	record(0, OP_CONNECT, C_CALLNAMEDPIPE, 0, 0, ok || error == ERROR_MORE_DATA ? 0 : error, NULL, 0);
	if (ok || error == ERROR_MORE_DATA) {
		struct segment written = {in, in_size};
		struct segment got = {out, read};
		record(0, OP_WRITE, C_CALLNAMEDPIPE, in_size, in_size, 0, &written, 1);
		record(0, OP_READ, C_CALLNAMEDPIPE, out_size, read, error, &got, 1);
	}
}

BOOL WINAPI hook_CallNamedPipeW(
        LPCWSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read, DWORD timeout)
{
	ENTER();
	BOOL ok = CallNamedPipeW(name, in, in_size, out, out_size, read, timeout);
	DWORD error = ok ? 0 : GetLastError();
	if (active && name != NULL) {
		uint32_t chars = 0;
		while (name[chars] && chars < 1000) {
			chars++;
		}
		call_named_pipe(name, chars, in, in_size, out, out_size, ok, error,
		        read != NULL && (ok || error == ERROR_MORE_DATA) ? *read : 0);
	}
	SetLastError(error);
	LEAVE();
	return ok;
}

BOOL WINAPI hook_CallNamedPipeA(
        LPCSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, LPDWORD read, DWORD timeout)
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

BOOL WINAPI hook_ConnectNamedPipe(HANDLE h, LPOVERLAPPED overlapped)
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

BOOL WINAPI hook_DisconnectNamedPipe(HANDLE h)
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

BOOL WINAPI hook_CloseHandle(HANDLE h)
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

/* Opening a pipe or mailslot by name: the name is kept for handles Windows (Wine) gives no name. */
HANDLE WINAPI hook_CreateFileW(LPCWSTR path, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES security,
        DWORD disposition, DWORD flags, HANDLE template_file)
{
	ENTER();
	HANDLE h = CreateFileW(path, access, share, security, disposition, flags, template_file);
	if (h != INVALID_HANDLE_VALUE && active && path != NULL) {
		DWORD error = GetLastError();
		forget((uint64_t)(uintptr_t)h);
		remember_name((uint64_t)(uintptr_t)h, path);
		SetLastError(error);
	}
	LEAVE();
	return h;
}

HANDLE WINAPI hook_CreateFileA(LPCSTR path, DWORD access, DWORD share, LPSECURITY_ATTRIBUTES security,
        DWORD disposition, DWORD flags, HANDLE template_file)
{
	ENTER();
	HANDLE h = CreateFileA(path, access, share, security, disposition, flags, template_file);
	if (h != INVALID_HANDLE_VALUE && active && path != NULL) {
		DWORD error = GetLastError();
		wchar_t wide[261];
		if (MultiByteToWideChar(CP_ACP, 0, path, -1, wide, 261) > 0) {
			forget((uint64_t)(uintptr_t)h);
			remember_name((uint64_t)(uintptr_t)h, wide);
		}
		SetLastError(error);
	}
	LEAVE();
	return h;
}
