/* Getting the hooks called: import tables, late binders, hoisted copies in threads. */
#include "capture.h"

struct hook {
	const char *module;
	const char *name;
	void *replacement;
	void *original;
};

FARPROC WINAPI hook_GetProcAddress(HMODULE module, LPCSTR name);
HMODULE WINAPI hook_LoadLibraryW(LPCWSTR name);
HMODULE WINAPI hook_LoadLibraryA(LPCSTR name);
HMODULE WINAPI hook_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags);
HMODULE WINAPI hook_LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags);

struct hook hooks[] = {
        {"kernel32.dll", "ReadFile", hook_ReadFile, NULL},
        {"kernel32.dll", "WriteFile", hook_WriteFile, NULL},
        {"kernel32.dll", "ReadFileEx", hook_ReadFileEx, NULL},
        {"kernel32.dll", "WriteFileEx", hook_WriteFileEx, NULL},
        {"kernel32.dll", "GetOverlappedResult", hook_GetOverlappedResult, NULL},
        {"kernel32.dll", "GetQueuedCompletionStatus", hook_GetQueuedCompletionStatus, NULL},
        {"kernel32.dll", "GetQueuedCompletionStatusEx", hook_GetQueuedCompletionStatusEx, NULL},
        {"kernel32.dll", "TransactNamedPipe", hook_TransactNamedPipe, NULL},
        {"kernel32.dll", "CallNamedPipeW", hook_CallNamedPipeW, NULL},
        {"kernel32.dll", "CallNamedPipeA", hook_CallNamedPipeA, NULL},
        {"kernel32.dll", "ConnectNamedPipe", hook_ConnectNamedPipe, NULL},
        {"kernel32.dll", "DisconnectNamedPipe", hook_DisconnectNamedPipe, NULL},
        {"kernel32.dll", "CloseHandle", hook_CloseHandle, NULL},
        {"ws2_32.dll", "send", hook_send, NULL},
        {"ws2_32.dll", "recv", hook_recv, NULL},
        {"ws2_32.dll", "sendto", hook_sendto, NULL},
        {"ws2_32.dll", "recvfrom", hook_recvfrom, NULL},
        {"ws2_32.dll", "WSASend", hook_WSASend, NULL},
        {"ws2_32.dll", "WSARecv", hook_WSARecv, NULL},
        {"ws2_32.dll", "closesocket", hook_closesocket, NULL},
        {"kernel32.dll", "CreateFileW", hook_CreateFileW, NULL},
        {"kernel32.dll", "CreateFileA", hook_CreateFileA, NULL},
        {"kernel32.dll", "GetProcAddress", hook_GetProcAddress, NULL},
        {"kernel32.dll", "LoadLibraryW", hook_LoadLibraryW, NULL},
        {"kernel32.dll", "LoadLibraryA", hook_LoadLibraryA, NULL},
        {"kernel32.dll", "LoadLibraryExW", hook_LoadLibraryExW, NULL},
        {"kernel32.dll", "LoadLibraryExA", hook_LoadLibraryExA, NULL},
};
#define HOOKS ((int)(sizeof hooks / sizeof hooks[0]))
/* The hooks from here on serve the patching itself: GetProcAddress hands them out but they record nothing. */
#define FIRST_LOADER_HOOK 22

#define MAX_PATCHES 8192
struct patch {
	void **entry;
	void *original;
};
struct patch patches[MAX_PATCHES];
int patch_count;

/* The modules that implement the hooked calls (or forward them) call each other directly. */
int is_system(const wchar_t *path)
{
	static const wchar_t *const skipped[] = {
	        L"ntdll.dll", L"kernel32.dll", L"kernelbase.dll", L"ws2_32.dll", L"mswsock.dll", NULL};
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

void resolve(void)
{
	for (int i = 0; i < HOOKS; i++) {
		if (hooks[i].original == NULL) {
			HMODULE module = GetModuleHandleA(hooks[i].module);
			hooks[i].original = module == NULL ? NULL : (void *)GetProcAddress(module, hooks[i].name);
		}
	}
}

void patch_module(HMODULE module)
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

void patch_all(void)
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

void unpatch_all(void)
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
CONTEXT context __attribute__((aligned(16)));

uint64_t switched(uint64_t value, int to_hooks)
{
	for (int i = 0; i < HOOKS; i++) {
		void *from = to_hooks ? hooks[i].original : hooks[i].replacement;
		if (from != NULL && value == (uint64_t)(uintptr_t)from) {
			return (uint64_t)(uintptr_t)(to_hooks ? hooks[i].replacement : hooks[i].original);
		}
	}
	return value;
}

int retarget_thread(HANDLE thread, int to_hooks)
{
	int changed = 0;
	struct {
		LONG status;
		PVOID teb;
		uintptr_t rest[4];
	} basic;
	if (NtQueryInformationThread(thread, 0 /* ThreadBasicInformation */, &basic, sizeof basic, NULL) < 0 ||
	        basic.teb == NULL || SuspendThread(thread) == (DWORD)-1) {
		return 0;
	}
	context.ContextFlags = CONTEXT_INTEGER | CONTEXT_CONTROL;
	if (GetThreadContext(thread, &context)) {
		DWORD64 *registers[] = {&context.Rax, &context.Rbx, &context.Rcx, &context.Rdx, &context.Rbp, &context.Rsi,
		        &context.Rdi, &context.R8, &context.R9, &context.R10, &context.R11, &context.R12, &context.R13,
		        &context.R14, &context.R15};
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

int retarget(int to_hooks)
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
		HANDLE thread =
		        OpenThread(THREAD_SUSPEND_RESUME | THREAD_GET_CONTEXT | THREAD_SET_CONTEXT | THREAD_QUERY_INFORMATION,
		                FALSE, entry.th32ThreadID);
		if (thread != NULL) {
			changed += retarget_thread(thread, to_hooks);
			CloseHandle(thread);
		}
	}
	CloseHandle(snapshot);
	return changed;
}

/* Late binders get the hook too; once one has it, the DLL may never unload. */
FARPROC WINAPI hook_GetProcAddress(HMODULE module, LPCSTR name)
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
HMODULE loaded(HMODULE module)
{
	if (module != NULL && active) {
		DWORD error = GetLastError();
		patch_all();
		SetLastError(error);
	}
	return module;
}

HMODULE WINAPI hook_LoadLibraryW(LPCWSTR name)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryW(name));
	LEAVE();
	return module;
}

HMODULE WINAPI hook_LoadLibraryA(LPCSTR name)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryA(name));
	LEAVE();
	return module;
}

HMODULE WINAPI hook_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryExW(name, file, flags));
	LEAVE();
	return module;
}

HMODULE WINAPI hook_LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
	ENTER();
	HMODULE module = loaded(LoadLibraryExA(name, file, flags));
	LEAVE();
	return module;
}
